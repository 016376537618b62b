package dev.hibernatelite.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the bundle needs to know about a JDBC URL without connecting: which database it names,
 * how to print it without its secrets, and how to make an H2 in-memory URL outlive a connection.
 *
 * <p>Internal: not part of the public API.
 */
public final class JdbcUrls {
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;:])[^=&;?#/:]*(?:password|passwd|pwd|secret|token)[^=&;?#/]*=)[^&;#]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@?#:]*:)[^/@?#]*@");
    private static final String H2_MEMORY = "jdbc:h2:mem:";

    private JdbcUrls() {
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
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    /**
     * The database a URL names, judged by its prefix.
     *
     * @param url a JDBC URL
     * @return the vendor, {@link DatabaseVendor#OTHER} when the prefix is not one we know
     */
    public static DatabaseVendor vendorOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            if (vendor.urlPrefix() != null && lower.startsWith(vendor.urlPrefix())) {
                return vendor;
            }
        }
        return DatabaseVendor.OTHER;
    }

    /** @return whether the URL is an H2 in-memory database */
    static boolean isH2Memory(String url) {
        return url.regionMatches(true, 0, H2_MEMORY, 0, H2_MEMORY.length());
    }

    /**
     * Makes an H2 in-memory URL name one database that lives as long as the engine: an unnamed
     * {@code jdbc:h2:mem:} gets a unique name (otherwise every pooled connection would see its
     * own empty database) and {@code DB_CLOSE_DELAY=-1} is added unless the URL sets it
     * (otherwise the database vanishes whenever the pool has no open connection). The engine
     * shuts such a database down when it closes.
     *
     * @param url the configured URL
     * @param uniqueName a name to give an unnamed in-memory database
     * @return the URL to connect with; any URL that is not H2 in-memory is returned unchanged
     */
    public static String h2MemoryForApplicationLifetime(String url, String uniqueName) {
        if (!isH2Memory(url)) {
            return url;
        }
        String rest = url.substring(H2_MEMORY.length());
        String result = rest.isEmpty() || rest.startsWith(";") ? H2_MEMORY + uniqueName + rest : url;
        if (!result.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_DELAY=")) {
            result = result + ";DB_CLOSE_DELAY=-1";
        }
        return result;
    }

    /**
     * @param url the configured URL
     * @return whether {@link #h2MemoryForApplicationLifetime} changes how long the database lives,
     *         so that the engine must shut it down on close
     */
    public static boolean needsShutdownOnClose(String url) {
        return isH2Memory(url) && !url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_DELAY=");
    }
}
