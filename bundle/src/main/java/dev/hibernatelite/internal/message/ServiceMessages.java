package dev.hibernatelite.internal.message;

import java.util.Collection;

/**
 * The texts of the catalogue's messages that help someone starting a service: requests that
 * forget to commit, entities asked of the wrong engine, databases a running server holds.
 *
 * <p>Internal: not part of the public API.
 */
public final class ServiceMessages {
    private ServiceMessages() {
    }

    public static String h2DatabaseInUse(String url) {
        String masked = Secrets.mask(url);
        return Message.H2_DATABASE_IN_USE.format("the H2 database " + masked + " is held by another process (a"
                + " running server, most likely): H2 opens a file database in one process at a time. Stop the"
                + " server first, or let processes share it: add ;AUTO_SERVER=TRUE to the URL in the configuration"
                + " of the server and of the command (" + masked + ";AUTO_SERVER=TRUE).");
    }

    public static String entityOfAnotherEngine(String entity, String engine) {
        return Message.ENTITY_OF_ANOTHER_ENGINE.format("entity " + entity + " is bound to engine '" + engine
                + "': each engine's sessions know only the entities bound to it. Ask that engine's session:"
                + " db.session(\"" + engine + "\") (async: db.async().session(\"" + engine + "\")), or bind the"
                + " entity to the engine you queried.");
    }

    public static String entityOfNoEngine(String entity, String suggestion) {
        return Message.ENTITY_OF_ANOTHER_ENGINE.format("no engine maps an entity named '" + entity + "'." + suggestion
                + " Bind the class with .entities(...) (or .entities(\"engine\", ...)) on the bundle's builder.");
    }

    public static String uncommittedChanges(String route, String engine, Collection<String> types, long skipped) {
        return Message.UNCOMMITTED_CHANGES.format(route + " ended with changes to " + String.join(", ", types)
                + " on engine '" + engine + "' that it did not commit: they were rolled back. Call db.commit() (or"
                + " annotate the method with @CommitOnSuccess); if discarding them is intended, call db.rollback()."
                + " To silence this warning, build the bundle with .warnOnUncommittedChanges(false)."
                + (skipped > 0 ? " (" + skipped + " more on this route since the last warning.)" : ""));
    }
}
