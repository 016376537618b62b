package dev.hibernatelite.internal.config;

/**
 * The databases the bundle knows by name: for error messages (which driver jar to add) and for
 * defaults that differ by database. Any other JDBC database works as {@link #OTHER}.
 *
 * <p>Internal: not part of the public API.
 */
public enum DatabaseVendor {
    POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "org.postgresql.Driver", "org.postgresql:postgresql",
            "jdbc:postgresql://host[:port]/database[?parameters]"),
    MARIADB("MariaDB", "jdbc:mariadb:", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client",
            "jdbc:mariadb://host[:port]/database[?parameters]"),
    MYSQL("MySQL", "jdbc:mysql:", "com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j",
            "jdbc:mysql://host[:port]/database[?parameters]"),
    H2("H2", "jdbc:h2:", "org.h2.Driver", "com.h2database:h2",
            "jdbc:h2:./path/to/file, jdbc:h2:mem:name or jdbc:h2:tcp://host/path"),
    OTHER("database", null, null, null, "jdbc:<subprotocol>:<details>");

    private final String displayName;
    private final String urlPrefix;
    private final String driverClass;
    private final String driverArtifact;
    private final String urlForm;

    DatabaseVendor(String displayName, String urlPrefix, String driverClass, String driverArtifact,
                   String urlForm) {
        this.displayName = displayName;
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
        this.driverArtifact = driverArtifact;
        this.urlForm = urlForm;
    }

    /** @return the name users know the database by */
    public String displayName() {
        return displayName;
    }

    /** @return the lower-case URL prefix, null for {@link #OTHER} */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** @return the usual driver class, null for {@link #OTHER} */
    public String driverClass() {
        return driverClass;
    }

    /** @return the Maven coordinates of the usual driver, null for {@link #OTHER} */
    public String driverArtifact() {
        return driverArtifact;
    }

    /** @return the shape of a valid URL, for error messages */
    public String urlForm() {
        return urlForm;
    }

    /** @return whether the database speaks the MySQL protocol (MySQL or MariaDB) */
    public boolean isMySqlFamily() {
        return this == MARIADB || this == MYSQL;
    }
}
