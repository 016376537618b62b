package dev.hibernatelite.internal.engine;

import org.hibernate.exception.DataException;

import java.sql.SQLException;

/**
 * An entity's string property held a NUL character, refused before it was sent to PostgreSQL
 * (see {@link NulCharacterCheck}). A {@link DataException} with PostgreSQL's SQLState (22021),
 * as if the database had refused it: an application's own mapper for {@code DataException}
 * sees it too.
 *
 * <p>Internal: not part of the public API.
 */
public final class NulCharacterRefusedException extends DataException {
    private final String entity;
    private final String property;

    NulCharacterRefusedException(String entity, String property) {
        super(entity + "." + property + " contains a NUL character, which PostgreSQL cannot store in text",
                new SQLException("a NUL character in " + entity + "." + property + ", refused before sending",
                        "22021"));
        this.entity = entity;
        this.property = property;
    }

    /** @return the entity's simple name */
    public String entity() {
        return entity;
    }

    /** @return the property holding the NUL character */
    public String property() {
        return property;
    }
}
