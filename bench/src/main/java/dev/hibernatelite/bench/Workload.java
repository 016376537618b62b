package dev.hibernatelite.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The three operations measured, shared by the JMH benchmark and the statement counter so both
 * measure the same code.
 */
public final class Workload {
    /** The query of the SELECT and transaction operations. */
    public static final String QUERY = "SELECT 1";

    private Workload() {
    }

    /** The operations, by benchmark method name. */
    public enum Operation {
        /** getConnection + close. */
        borrowReturn,
        /** getConnection + SELECT 1 + close. */
        borrowSelectReturn,
        /** getConnection + a transaction holding one SELECT + commit + close. */
        borrowTransactionReturn;

        /**
         * Runs the operation once.
         *
         * @return a value depending on the work, for the caller to consume
         */
        public long run(DataSource dataSource) throws SQLException {
            return switch (this) {
                case borrowReturn -> borrowReturn(dataSource);
                case borrowSelectReturn -> borrowSelectReturn(dataSource);
                case borrowTransactionReturn -> borrowTransactionReturn(dataSource);
            };
        }
    }

    /** Borrows a connection and returns it. */
    public static long borrowReturn(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return System.identityHashCode(c);
        }
    }

    /**
     * Borrows a connection, runs {@code SELECT 1} as a prepared statement (as Hibernate does) in
     * whatever auto-commit mode the pool hands out, and returns it.
     */
    public static long borrowSelectReturn(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return selectOne(c);
        }
    }

    /**
     * Borrows a connection and runs a transaction the way Hibernate's resource-local
     * transactions do: auto-commit is switched off only when the pool handed it out on (and
     * switched back before the connection goes back), one SELECT, commit.
     */
    public static long borrowTransactionReturn(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            long value = selectOne(c);
            c.commit();
            if (autoCommit) {
                c.setAutoCommit(true);
            }
            return value;
        }
    }

    private static long selectOne(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(QUERY);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
