package dev.hibernatelite;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.hibernatelite.internal.message.Secrets;
import io.dropwizard.util.Duration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One database engine as written in the application's YAML: either a bare JDBC URL
 * ({@code default: jdbc:h2:./data/blog}) or an object whose fields carry the names of
 * Dropwizard's {@code DataSourceFactory} ({@code url}, {@code user}, {@code password},
 * {@code maxSize}, {@code properties}, ...).
 *
 * <p>Instances are immutable. They are not validated when they are read: the bundle validates
 * every engine at startup and reports every problem at once, each with its YAML path
 * ({@code engines.reports.maxSize}) and the fix. See {@code docs/configuration.md} for each
 * field, its default and why it has that default.
 */
@JsonDeserialize(builder = EngineFactoryBuilder.class)
public final class EngineFactory {
    /** Transaction isolation levels a pooled connection can default to. */
    public enum TransactionIsolation {
        /** The driver's and the database's default. */
        DEFAULT,
        /** {@code READ UNCOMMITTED}. */
        READ_UNCOMMITTED,
        /** {@code READ COMMITTED}. */
        READ_COMMITTED,
        /** {@code REPEATABLE READ}. */
        REPEATABLE_READ,
        /** {@code SERIALIZABLE}. */
        SERIALIZABLE
    }

    /** Pool size used when {@code maxSize} is not set. */
    public static final int DEFAULT_MAX_SIZE = 10;
    /** How long a caller waits for a pooled connection when {@code maxWaitForConnection} is not set. */
    public static final Duration DEFAULT_MAX_WAIT_FOR_CONNECTION = Duration.seconds(5);
    /**
     * Bound of a validation or health check when {@code validationQueryTimeout} is not set and
     * {@code maxWaitForConnection} is longer; otherwise half of {@code maxWaitForConnection} (at
     * least 250ms), so that a short wait alone is valid.
     */
    public static final Duration DEFAULT_VALIDATION_QUERY_TIMEOUT = Duration.seconds(3);
    /** Oldest a pooled connection gets when {@code maxConnectionAge} is not set (MySQL/MariaDB may lower it). */
    public static final Duration DEFAULT_MAX_CONNECTION_AGE = Duration.minutes(30);
    /** How long a surplus idle connection is kept when {@code minIdleTime} is not set. */
    public static final Duration DEFAULT_MIN_IDLE_TIME = Duration.minutes(10);
    /** How far behind the primary a replica may be and still serve reads, when {@code maxReplicaLag} is not set. */
    public static final Duration DEFAULT_MAX_REPLICA_LAG = Duration.seconds(10);
    /**
     * How long one statement may run when {@code statementTimeout} is not set: long enough for any
     * request's query, short enough that a query stuck behind a lock gives its connection back.
     */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.seconds(30);

    final String url;
    final String driverClass;
    final String user;
    final String password;
    final Map<String, String> properties;
    final Integer maxSize;
    final Integer minSize;
    final Duration maxWaitForConnection;
    final String validationQuery;
    final Duration validationQueryTimeout;
    final Duration maxConnectionAge;
    final Duration minIdleTime;
    final String initializationQuery;
    final Boolean readOnlyByDefault;
    final TransactionIsolation defaultTransactionIsolation;
    final boolean autoCommentsEnabled;
    final MigrationsFactory migrations;
    final List<String> replicas;
    final Duration maxReplicaLag;
    final Integer readMaxSize;
    final boolean pgbouncer;
    final Duration statementTimeout;

    EngineFactory(EngineFactoryBuilder b) {
        this.url = b.url;
        this.driverClass = b.driverClass;
        this.user = b.user;
        this.password = b.password;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.maxSize = b.maxSize;
        this.minSize = b.minSize;
        this.maxWaitForConnection = b.maxWaitForConnection;
        this.validationQuery = b.validationQuery;
        this.validationQueryTimeout = b.validationQueryTimeout;
        this.maxConnectionAge = b.maxConnectionAge;
        this.minIdleTime = b.minIdleTime;
        this.initializationQuery = b.initializationQuery;
        this.readOnlyByDefault = b.readOnlyByDefault;
        this.defaultTransactionIsolation = b.defaultTransactionIsolation;
        this.autoCommentsEnabled = b.autoCommentsEnabled;
        this.migrations = b.migrations;
        this.replicas = b.replicas == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(b.replicas));
        this.maxReplicaLag = b.maxReplicaLag;
        this.readMaxSize = b.readMaxSize;
        this.pgbouncer = b.pgbouncer;
        this.statementTimeout = b.statementTimeout;
    }

    /**
     * An engine with only a URL and every other field at its default: what the YAML shorthand
     * {@code name: jdbc:...} gives.
     *
     * @param url the JDBC URL, for example {@code jdbc:postgresql://127.0.0.1:5432/blog}
     * @return the engine configuration
     * @throws NullPointerException if {@code url} is null
     */
    public static EngineFactory of(String url) {
        return builder().url(requireNonNull(url, "url")).build();
    }

    /**
     * A builder for the full form, for configuration written in code (tests, tools).
     *
     * @return a new builder with every field at its default
     */
    public static EngineFactoryBuilder builder() {
        return new EngineFactoryBuilder();
    }

    /**
     * A builder holding this engine's fields, to derive a changed copy.
     *
     * @return a new builder initialised from this configuration
     */
    public EngineFactoryBuilder toBuilder() {
        return new EngineFactoryBuilder(this);
    }

    /** @return the JDBC URL as written (may be null or blank when the YAML left it out) */
    public String getUrl() {
        return url;
    }

    /** @return the JDBC driver class, if one was named; otherwise the driver is found from the URL */
    public Optional<String> getDriverClass() {
        return Optional.ofNullable(driverClass);
    }

    /** @return the database user, if one was set outside the URL */
    public Optional<String> getUser() {
        return Optional.ofNullable(user);
    }

    /** @return the database password, if one was set outside the URL; never logged or printed */
    public Optional<String> getPassword() {
        return Optional.ofNullable(password);
    }

    /**
     * Extra properties. Keys starting with {@code hibernate.} or {@code jakarta.persistence.}
     * go to Hibernate; every other key goes to the JDBC driver.
     *
     * @return the properties, unmodifiable, in YAML order
     */
    public Map<String, String> getProperties() {
        return properties;
    }

    /** @return the most connections the pool holds, as written (null: {@link #DEFAULT_MAX_SIZE}) */
    public Optional<Integer> getMaxSize() {
        return Optional.ofNullable(maxSize);
    }

    /** @return the fewest idle connections the pool keeps, as written (null: the same as max size) */
    public Optional<Integer> getMinSize() {
        return Optional.ofNullable(minSize);
    }

    /** @return how long a caller waits for a connection before failing, as written */
    public Optional<Duration> getMaxWaitForConnection() {
        return Optional.ofNullable(maxWaitForConnection);
    }

    /** @return the query that checks a connection, if set; otherwise the driver's own check is used */
    public Optional<String> getValidationQuery() {
        return Optional.ofNullable(validationQuery);
    }

    /** @return the bound of a connection check and of the health check, as written */
    public Optional<Duration> getValidationQueryTimeout() {
        return Optional.ofNullable(validationQueryTimeout);
    }

    /**
     * @return how long one statement of a request may run before the database cancels it, as
     *         written ({@code 0s}: no bound)
     */
    public Optional<Duration> getStatementTimeout() {
        return Optional.ofNullable(statementTimeout);
    }

    /** @return the age at which a pooled connection is retired, as written */
    public Optional<Duration> getMaxConnectionAge() {
        return Optional.ofNullable(maxConnectionAge);
    }

    /** @return how long a surplus idle connection lives, as written */
    public Optional<Duration> getMinIdleTime() {
        return Optional.ofNullable(minIdleTime);
    }

    /** @return SQL run once on every new connection, if set */
    public Optional<String> getInitializationQuery() {
        return Optional.ofNullable(initializationQuery);
    }

    /** @return whether connections are read-only by default, if set */
    public Optional<Boolean> getReadOnlyByDefault() {
        return Optional.ofNullable(readOnlyByDefault);
    }

    /** @return the default transaction isolation, if set */
    public Optional<TransactionIsolation> getDefaultTransactionIsolation() {
        return Optional.ofNullable(defaultTransactionIsolation);
    }

    /** @return whether Hibernate prefixes its SQL with comments saying where it comes from */
    public boolean isAutoCommentsEnabled() {
        return autoCommentsEnabled;
    }

    /**
     * Read replicas: the JDBC URLs (or one pgjdbc multi-host URL) of servers that serve the
     * engine's read-only sessions, with the engine's user and password.
     *
     * @return the replicas' URLs as written, unmodifiable (empty: reads go to the primary)
     */
    public List<String> getReplicas() {
        return replicas;
    }

    /** @return how far behind the primary a replica may be and still serve reads, as written */
    public Optional<Duration> getMaxReplicaLag() {
        return Optional.ofNullable(maxReplicaLag);
    }

    /** @return the most connections of each read-only pool (the primary's, each replica's), as written */
    public Optional<Integer> getReadMaxSize() {
        return Optional.ofNullable(readMaxSize);
    }

    /**
     * @return whether the engine reaches PostgreSQL through PgBouncer in transaction pooling mode:
     *         no server-side prepared statements and no session state
     */
    public boolean isPgbouncer() {
        return pgbouncer;
    }

    /**
     * @return the engine's schema migrations as written ({@code migrations:}); when absent the engine
     *         still migrates from {@code classpath:db/migration/<engine>} if that folder exists
     */
    public Optional<MigrationsFactory> getMigrations() {
        return Optional.ofNullable(migrations);
    }

    /** A description without the password, safe to log. */
    @Override
    public String toString() {
        return "EngineFactory{url=" + (url == null ? null : Secrets.mask(url))
                + ", user=" + user + ", password=" + (password == null ? "none" : "****") + "}";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EngineFactory)) {
            return false;
        }
        EngineFactory that = (EngineFactory) o;
        return autoCommentsEnabled == that.autoCommentsEnabled
                && Objects.equals(url, that.url) && Objects.equals(driverClass, that.driverClass)
                && Objects.equals(user, that.user) && Objects.equals(password, that.password)
                && properties.equals(that.properties) && Objects.equals(maxSize, that.maxSize)
                && Objects.equals(minSize, that.minSize)
                && Objects.equals(maxWaitForConnection, that.maxWaitForConnection)
                && Objects.equals(validationQuery, that.validationQuery)
                && Objects.equals(validationQueryTimeout, that.validationQueryTimeout)
                && Objects.equals(maxConnectionAge, that.maxConnectionAge)
                && Objects.equals(minIdleTime, that.minIdleTime)
                && Objects.equals(initializationQuery, that.initializationQuery)
                && Objects.equals(readOnlyByDefault, that.readOnlyByDefault)
                && defaultTransactionIsolation == that.defaultTransactionIsolation
                && replicas.equals(that.replicas) && Objects.equals(maxReplicaLag, that.maxReplicaLag)
                && Objects.equals(readMaxSize, that.readMaxSize) && pgbouncer == that.pgbouncer
                && Objects.equals(statementTimeout, that.statementTimeout)
                && Objects.equals(migrations, that.migrations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, driverClass, user, maxSize, minSize, properties);
    }
}
