package dev.hibernatelite.it.app;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A process that holds an H2 file database open, as a running server does, until its standard
 * input closes: {@code main(jdbcUrl)} prints {@code held} once the database is open.
 */
public final class HoldH2File {
    private HoldH2File() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(args[0]);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS held (id INT)");
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close standard input
            }
        }
    }
}
