package dev.hibernatelite.internal.migration;

/**
 * A migration task could not do what was asked, for a reason its message explains fully (the
 * engine, its database with the password masked, and the fix): commands print it without a stack
 * trace and exit with a non-zero code; at startup it stops the application.
 *
 * <p>Internal: not part of the public API.
 */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or null
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
