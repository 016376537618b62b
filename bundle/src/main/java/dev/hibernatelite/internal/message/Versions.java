package dev.hibernatelite.internal.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the optional dependencies this build was tested with, written into
 * {@code versions.properties} by the build: messages that tell a user which artifact to add
 * give its coordinates with the version.
 *
 * <p>Internal: not part of the public API.
 */
final class Versions {
    static final String HIBERNATE_REACTIVE;
    static final String VERTX;
    static final String SCRAM;
    static final String FLYWAY;

    static {
        Properties versions = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HIBERNATE_REACTIVE = versions.getProperty("hibernate-reactive", "2.4.11.Final");
        VERTX = versions.getProperty("vertx", "4.5.22");
        SCRAM = versions.getProperty("scram-client", "2.1");
        FLYWAY = versions.getProperty("flyway", "13.12.1");
    }

    private Versions() {
    }
}
