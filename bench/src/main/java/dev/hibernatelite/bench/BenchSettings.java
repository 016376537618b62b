package dev.hibernatelite.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the benchmarks find PostgreSQL, and small helpers on PostgreSQL JDBC URLs. */
public final class BenchSettings {
    /** Environment variable naming the PostgreSQL JDBC URL to benchmark against. */
    public static final String URL_VARIABLE = "HIBERNATE_LITE_BENCH_POSTGRES_URL";
    /** Used when {@link #URL_VARIABLE} is not set: the local server the project's tests use. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** Both pools use this driver, named explicitly. */
    public static final String DRIVER = "org.postgresql.Driver";
    /** Maximum and minimum size of every pool measured: a fixed pool of 8. */
    public static final int POOL_SIZE = 8;

    private static final Pattern URL = Pattern.compile(
            "^jdbc:postgresql://(\\[[^\\]]+\\]|[^/:?]+)(?::(\\d+))?(/[^?]*)?(\\?.*)?$");

    private BenchSettings() {
    }

    /** @return the JDBC URL from the environment, or the default */
    public static String url() {
        String value = System.getenv(URL_VARIABLE);
        return value == null || value.isBlank() ? DEFAULT_URL : value.trim();
    }

    /** @return the URL without its query (no credentials), for reports */
    public static String displayUrl(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** @return the host the URL names */
    public static String host(String url) {
        Matcher m = match(url);
        String host = m.group(1);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** @return the port the URL names, 5432 when it names none */
    public static int port(String url) {
        Matcher m = match(url);
        return m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    }

    /**
     * @return the same URL pointing at 127.0.0.1:{@code port} instead, with {@code extraParameters}
     *         ({@code a=b&c=d}) added to its query
     */
    public static String redirect(String url, int port, String extraParameters) {
        Matcher m = match(url);
        String path = m.group(3) == null ? "/" : m.group(3);
        String query = m.group(4) == null ? "" : m.group(4);
        return withParameters("jdbc:postgresql://127.0.0.1:" + port + path + query, extraParameters);
    }

    /** @return the database the URL names */
    public static String database(String url) {
        Matcher m = match(url);
        String path = m.group(3) == null ? "/" : m.group(3);
        return path.substring(1);
    }

    /** @return the same URL naming database {@code database} instead */
    public static String withDatabase(String url, String database) {
        Matcher m = match(url);
        String port = m.group(2) == null ? "" : ":" + m.group(2);
        String query = m.group(4) == null ? "" : m.group(4);
        return "jdbc:postgresql://" + m.group(1) + port + "/" + database + query;
    }

    /** @return {@code url} with {@code parameters} ({@code a=b&c=d}) added to its query */
    public static String withParameters(String url, String parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + parameters;
    }

    private static Matcher match(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/db URL: " + displayUrl(url));
        }
        return m;
    }
}
