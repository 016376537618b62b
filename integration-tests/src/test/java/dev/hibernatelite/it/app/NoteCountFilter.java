package dev.hibernatelite.it.app;

import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.HibernateLite;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** A request filter that uses the database, as authentication filters often do. */
public class NoteCountFilter implements ContainerRequestFilter {
    static final String HEADER = "X-Count-Notes";
    static final String SESSION_PROPERTY = "probe.filter-session";

    private final HibernateLite<ProbeConfig> db;

    NoteCountFilter(HibernateLite<ProbeConfig> db) {
        this.db = db;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HEADER) != null) {
            request.setProperty(SESSION_PROPERTY, System.identityHashCode(db.session()));
            long count = db.session().createSelectionQuery("select count(n) from Note n", Long.class).getSingleResult();
            request.setProperty(HEADER, count);
        }
    }
}
