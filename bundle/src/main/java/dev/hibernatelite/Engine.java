package dev.hibernatelite;

import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.util.List;

/**
 * One (sync) engine of the application, from {@link HibernateLite#engine(String)}: its name, its
 * Hibernate {@link SessionFactory}, the {@link DataSource} Hibernate takes connections from, and
 * the schema task of flask-sqlalchemy-lite's {@code Model.metadata.create_all(db.engine)}. The
 * bundle owns the engine: it is closed (pool drained) when the application stops.
 */
public interface Engine {
    /** @return the engine's name, its key under {@code engines} */
    String name();

    /**
     * The engine's session factory: flask-sqlalchemy-lite's {@code sessionmaker}. Sessions opened
     * from it are not tied to any context: they are yours to close.
     *
     * @return the session factory
     */
    SessionFactory sessionFactory();

    /**
     * The pool Hibernate takes connections from, for code that must use JDBC directly (jOOQ,
     * Jdbi, a bulk copy). Each connection is yours to close; it comes with auto-commit off, so
     * commit what you want kept. Under test isolation it serves the isolation's connection, so
     * such code is isolated too.
     *
     * @return the data source
     */
    DataSource dataSource();

    /**
     * Creates the tables (and sequences) of the entities bound to this engine that do not exist
     * yet; existing tables are left as they are (use migrations to change them). What
     * {@code db create} does: SQLAlchemy's {@code metadata.create_all()}.
     *
     * @return the tables it created, in name order (empty when all existed)
     * @throws RuntimeException what Hibernate's schema tool throws when the database refuses the DDL
     */
    List<String> createAll();
}
