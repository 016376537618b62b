package dev.hibernatelite.internal.config;

import dev.hibernatelite.internal.message.Secrets;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bundle needs to know about a JDBC URL without connecting: which database it names,
 * what a user probably meant by one that is not a JDBC URL, and how to make an H2 in-memory URL
 * outlive a connection. ({@link dev.hibernatelite.internal.message.Secrets} masks them.)
 *
 * <p>Internal: not part of the public API.
 */
public final class JdbcUrls {
    private static final Pattern H2_PASSWORD_SETTING = Pattern.compile("(?i);PASSWORD=([^;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(//)?(?:[^/?#]*@)?(.*)$");
    // Schemes people write where a JDBC URL belongs, and the JDBC subprotocol each means.
    private static final Map<String, String> SUBPROTOCOLS = Map.of(
            "postgres", "postgresql", "postgresql", "postgresql", "pg", "postgresql",
            "mysql", "mysql", "mariadb", "mariadb", "h2", "h2", "sqlserver", "sqlserver");
    private static final String H2_MEMORY = "jdbc:h2:mem:";

    private JdbcUrls() {
    }

    /**
     * What a user probably meant by a URL that does not start with {@code jdbc:}: a
     * {@code postgres://host/db} (libpq's form) becomes {@code jdbc:postgresql://host/db}. Any
     * {@code user:password@} part is left out (JDBC drivers take them as properties) and any
     * password parameter masked, so the suggestion never holds a secret.
     *
     * @param url the URL as written
     * @return the JDBC URL it most likely means, empty when there is no good guess
     */
    public static Optional<String> suggestJdbcUrl(String url) {
        Matcher m = SCHEME.matcher(url.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String subprotocol = SUBPROTOCOLS.get(scheme);
        boolean hierarchical = m.group(2) != null;
        if (subprotocol == null && !hierarchical) {
            return Optional.empty();
        }
        return Optional.of(Secrets.mask("jdbc:" + (subprotocol == null ? scheme : subprotocol) + ":" + (hierarchical ? "//" : "")
                + m.group(3)));
    }

    /** @return whether the URL has a {@code user:password@} part (which a suggestion leaves out) */
    public static boolean hasUserInfo(String url) {
        return USER_INFO.matcher(url).find();
    }

    /**
     * A URL split into the URL without its password and the password, for the forms where the
     * driver treats a password in the URL exactly as the {@code password} connection property:
     * H2's {@code ;PASSWORD=} setting and PostgreSQL's {@code password} query parameter
     * (percent-decoded, as the driver decodes it). Connecting with the URL without the password
     * keeps the secret out of everything that prints the URL (the pool's and the driver's
     * debug logs).
     *
     * @param url the URL to connect with
     * @param password the password to pass as the {@code password} property, or {@code null}
     *        when the URL held none in a form taken out
     */
    public record UrlAndPassword(String url, String password) {
        /** A description without the password. */
        @Override
        public String toString() {
            return "UrlAndPassword{" + Secrets.mask(url) + ", password=" + (password == null ? "none" : "****") + "}";
        }
    }

    /**
     * Takes the password out of a URL where the driver reads it as the {@code password}
     * property; see {@link UrlAndPassword}.
     *
     * @param url a JDBC URL
     * @return the URL without the password and the password; the URL unchanged and a null
     *         password when it holds none in a form we take out
     */
    public static UrlAndPassword takePassword(String url) {
        DatabaseVendor vendor = vendorOf(url);
        if (vendor == DatabaseVendor.H2) {
            Matcher m = H2_PASSWORD_SETTING.matcher(url);
            if (m.find()) {
                String password = m.group(1);
                String rest = url.substring(0, m.start()) + url.substring(m.end());
                if (!H2_PASSWORD_SETTING.matcher(rest).find()) {
                    return new UrlAndPassword(rest, password);
                }
            }
        } else if (vendor == DatabaseVendor.POSTGRESQL) {
            int query = url.indexOf('?');
            if (query >= 0) {
                String password = null;
                StringBuilder kept = new StringBuilder();
                for (String parameter : url.substring(query + 1).split("&", -1)) {
                    if (password == null && parameter.startsWith("password=")) {
                        try {
                            password = URLDecoder.decode(parameter.substring("password=".length()),
                                    StandardCharsets.UTF_8);
                        } catch (IllegalArgumentException malformed) {
                            return new UrlAndPassword(url, null);
                        }
                    } else if (!parameter.isEmpty()) {
                        kept.append(kept.length() == 0 ? "" : "&").append(parameter);
                    }
                }
                if (password != null) {
                    return new UrlAndPassword(url.substring(0, query) + (kept.length() == 0 ? "" : "?" + kept), password);
                }
            }
        }
        return new UrlAndPassword(url, null);
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
