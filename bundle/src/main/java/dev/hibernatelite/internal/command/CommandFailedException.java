package dev.hibernatelite.internal.command;

/**
 * A {@code db} command could not do what was asked, for a reason its message explains fully:
 * printed without a stack trace, with a non-zero exit code.
 *
 * <p>Internal: not part of the public API.
 */
public final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public CommandFailedException(String message) {
        super(message);
    }
}
