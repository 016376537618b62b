package dev.hibernatelite.internal.dwh;

import dev.hibernatelite.internal.context.MethodUnits;

import java.util.Set;

/**
 * Whether dropwizard-hibernate is on the application's class path, and its support when it is.
 * dropwizard-hibernate is an optional dependency: this class names none of its types, and
 * {@link UnitOfWorkReader} (which does) is loaded only when it is present.
 *
 * <p>Internal: not part of the public API.
 */
public final class DropwizardHibernate {
    private static final String UNIT_OF_WORK = "io.dropwizard.hibernate.UnitOfWork";

    private DropwizardHibernate() {
    }

    /**
     * @param engines the names of the application's sync engines
     * @return what reads {@code @UnitOfWork} on resource methods, or {@link MethodUnits#NONE}
     *         without dropwizard-hibernate
     */
    public static MethodUnits unitsOfWork(Set<String> engines) {
        return isPresent() ? new UnitOfWorkReader(engines) : MethodUnits.NONE;
    }

    static boolean isPresent() {
        try {
            Class.forName(UNIT_OF_WORK, false, DropwizardHibernate.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
