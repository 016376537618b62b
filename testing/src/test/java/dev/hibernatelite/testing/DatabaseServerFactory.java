package dev.hibernatelite.testing;

/** Creates servers from explicit URLs, for tests of URL handling. */
final class DatabaseServerFactory {
    private DatabaseServerFactory() {
    }

    static DatabaseServer of(String kind, String url) {
        return new DatabaseServer(kind, url, "test");
    }
}
