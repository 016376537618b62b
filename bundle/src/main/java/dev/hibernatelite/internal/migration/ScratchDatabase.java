package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.config.DatabaseVendor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty database on the same server as an engine's, for {@code db revision} to apply the
 * pending migrations to without touching the engine's database; dropped when closed. On H2, an
 * in-memory database.
 *
 * <p>Internal: not part of the public API.
 */
final class ScratchDatabase implements AutoCloseable {
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?#]*/)([^?#;]*)(.*)$");

    private final MigrationTarget target;
    private final String name;
    private final String url;

    private ScratchDatabase(MigrationTarget target, String name, String url) {
        this.target = target;
        this.name = name;
        this.url = url;
    }

    /**
     * @param target the engine whose server to use
     * @return the scratch database, created
     * @throws SQLException if it cannot be created (no right to create databases, say)
     */
    static ScratchDatabase create(MigrationTarget target) throws SQLException {
        String name = "hl_revision_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (target.vendor() == DatabaseVendor.H2) {
            return new ScratchDatabase(target, null, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        Matcher m = DATABASE_IN_URL.matcher(target.jdbcUrl());
        if (!m.matches()) {
            throw new SQLException("the URL does not name a database the way the bundle can replace");
        }
        String quoted = target.vendor() == DatabaseVendor.POSTGRESQL ? "\"" + name + "\"" : "`" + name + "`";
        try (Connection admin = new TargetDataSource(target).getConnection(); Statement st = admin.createStatement()) {
            if (!admin.getAutoCommit()) {
                admin.setAutoCommit(true);
            }
            st.execute("CREATE DATABASE " + quoted);
        }
        return new ScratchDatabase(target, name, m.group(1) + name + m.group(3));
    }

    /** @return its JDBC URL, with the engine's other URL parameters */
    String url() {
        return url;
    }

    /** @return a connection to it */
    Connection connect() throws SQLException {
        return new TargetDataSource(target, url).getConnection();
    }

    /** Drops it (forcing any connection left off it on PostgreSQL). */
    @Override
    public void close() throws SQLException {
        if (name == null) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
            return;
        }
        try (Connection admin = new TargetDataSource(target).getConnection(); Statement st = admin.createStatement()) {
            if (!admin.getAutoCommit()) {
                admin.setAutoCommit(true);
            }
            st.execute(target.vendor() == DatabaseVendor.POSTGRESQL
                    ? "DROP DATABASE \"" + name + "\" WITH (FORCE)" : "DROP DATABASE `" + name + "`");
        }
    }

    @Override
    public String toString() {
        return "ScratchDatabase{" + (name == null ? url : name.toLowerCase(Locale.ROOT)) + "}";
    }
}
