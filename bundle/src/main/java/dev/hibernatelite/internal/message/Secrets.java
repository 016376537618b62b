package dev.hibernatelite.internal.message;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what users see: URLs with their passwords masked, failures described
 * without the engine's password. Every message, log line, health result and command output
 * passes URLs and causes through here.
 *
 * <p>Internal: not part of the public API.
 */
public final class Secrets {
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;:])[^=&;?#/:]*(?:password|passwd|pwd|secret|token)[^=&;?#/]*=)[^&;#]*");
    // Greedy up to the last '@' of the authority: a password may itself contain '@'.
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@?#:]*:)[^/?#]*@");
    // Oracle's thin form: jdbc:oracle:thin:user/password@host:1521/service
    private static final Pattern ORACLE_PASSWORD = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:;?]*/)[^@]*@");

    private Secrets() {
    }

    /**
     * The URL with every password-like parameter value and any {@code user:password@} part
     * replaced by {@code ****}: what logs, errors, health output and commands show.
     *
     * @param url a JDBC URL (or anything a user wrote where one was expected)
     * @return the masked text; {@code null} stays {@code null}
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1****@");
        masked = ORACLE_PASSWORD.matcher(masked).replaceAll("$1****@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    /**
     * @param failure a failure
     * @param password the engine's password, masked wherever it appears; may be null
     * @return the type and message of the failure, or of its first cause that has a message,
     *         with the password and any password-like URL parameter masked
     */
    public static String describe(Throwable failure, String password) {
        Throwable speaking = failure;
        while ((speaking.getMessage() == null || speaking.getMessage().isBlank()) && speaking.getCause() != null
                && speaking.getCause() != speaking) {
            speaking = speaking.getCause();
        }
        String message = speaking.getMessage();
        String text = speaking.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        if (password != null && !password.isEmpty()) {
            text = text.replace(password, "****");
        }
        return mask(text);
    }

    /**
     * @param failure a failure
     * @param password the engine's password, masked wherever it appears; may be null
     * @return the innermost cause's type and message, masked
     */
    public static String describeRoot(Throwable failure, String password) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return describe(root, password);
    }
}
