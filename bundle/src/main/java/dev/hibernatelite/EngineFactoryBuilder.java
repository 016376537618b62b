package dev.hibernatelite;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.hibernatelite.EngineFactory.TransactionIsolation;
import io.dropwizard.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds an {@link EngineFactory}; also what Jackson uses to read the YAML full form.
 * Setters take values as written; nothing is checked until the bundle starts.
 */
@JsonPOJOBuilder(withPrefix = "")
public final class EngineFactoryBuilder {
    String url;
    String driverClass;
    String user;
    String password;
    Map<String, String> properties = new LinkedHashMap<>();
    Integer maxSize;
    Integer minSize;
    Duration maxWaitForConnection;
    String validationQuery;
    Duration validationQueryTimeout;
    Duration maxConnectionAge;
    Duration minIdleTime;
    String initializationQuery;
    Boolean readOnlyByDefault;
    TransactionIsolation defaultTransactionIsolation;
    boolean autoCommentsEnabled;
    MigrationsFactory migrations;
    List<String> replicas = new ArrayList<>();
    Duration maxReplicaLag;
    Integer readMaxSize;
    boolean pgbouncer;
    Duration statementTimeout;

    EngineFactoryBuilder() {
    }

    EngineFactoryBuilder(EngineFactory f) {
        url = f.url;
        driverClass = f.driverClass;
        user = f.user;
        password = f.password;
        properties = new LinkedHashMap<>(f.properties);
        maxSize = f.maxSize;
        minSize = f.minSize;
        maxWaitForConnection = f.maxWaitForConnection;
        validationQuery = f.validationQuery;
        validationQueryTimeout = f.validationQueryTimeout;
        maxConnectionAge = f.maxConnectionAge;
        minIdleTime = f.minIdleTime;
        initializationQuery = f.initializationQuery;
        readOnlyByDefault = f.readOnlyByDefault;
        defaultTransactionIsolation = f.defaultTransactionIsolation;
        autoCommentsEnabled = f.autoCommentsEnabled;
        migrations = f.migrations;
        replicas = new ArrayList<>(f.replicas);
        maxReplicaLag = f.maxReplicaLag;
        readMaxSize = f.readMaxSize;
        pgbouncer = f.pgbouncer;
        statementTimeout = f.statementTimeout;
    }

    /**
     * The YAML shorthand: a bare string is the URL.
     *
     * @param url the JDBC URL
     * @return a builder holding that URL
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EngineFactoryBuilder fromUrl(String url) {
        return new EngineFactoryBuilder().url(url);
    }

    /**
     * Sets url.
     *
     * @param url the JDBC URL
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder url(String url) {
        this.url = url;
        return this;
    }

    /**
     * Sets driverClass.
     *
     * @param driverClass the JDBC driver class name
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder driverClass(String driverClass) {
        this.driverClass = driverClass;
        return this;
    }

    /**
     * Sets user.
     *
     * @param user the database user
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder user(String user) {
        this.user = user;
        return this;
    }

    /**
     * Sets password.
     *
     * @param password the database password
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder password(String password) {
        this.password = password;
        return this;
    }

    /**
     * Sets properties.
     *
     * @param properties Hibernate and JDBC driver properties
     * @return this builder
     * @throws IllegalArgumentException if a property has no value (in YAML, a key with nothing
     *         after it), which neither Hibernate nor a driver can take; the message names it
     */
    @JsonProperty
    public EngineFactoryBuilder properties(Map<String, String> properties) {
        Map<String, String> copy = new LinkedHashMap<>(properties == null ? Map.of() : properties);
        copy.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("property '" + key + "' has no value. Give it one (write ''"
                        + " for an empty string) or remove it.");
            }
        });
        this.properties = copy;
        return this;
    }

    /**
     * Adds one property.
     *
     * @param key the property name
     * @param value its value
     * @return this builder
     */
    public EngineFactoryBuilder property(String key, String value) {
        this.properties.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets maxSize.
     *
     * @param maxSize the most connections in the pool
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder maxSize(Integer maxSize) {
        this.maxSize = maxSize;
        return this;
    }

    /**
     * Sets minSize.
     *
     * @param minSize the fewest idle connections kept
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder minSize(Integer minSize) {
        this.minSize = minSize;
        return this;
    }

    /**
     * Sets maxWaitForConnection.
     *
     * @param maxWaitForConnection how long a caller waits for a connection
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder maxWaitForConnection(Duration maxWaitForConnection) {
        this.maxWaitForConnection = maxWaitForConnection;
        return this;
    }

    /**
     * Sets validationQuery.
     *
     * @param validationQuery the query that checks a connection
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder validationQuery(String validationQuery) {
        this.validationQuery = validationQuery;
        return this;
    }

    /**
     * Sets validationQueryTimeout.
     *
     * @param validationQueryTimeout the bound of a connection check
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder validationQueryTimeout(Duration validationQueryTimeout) {
        this.validationQueryTimeout = validationQueryTimeout;
        return this;
    }

    /**
     * Sets statementTimeout.
     *
     * @param statementTimeout how long one statement may run before the database cancels it
     *        ({@code 0s}: no bound); {@link EngineFactory#DEFAULT_STATEMENT_TIMEOUT} when unset
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder statementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
        return this;
    }

    /**
     * Sets maxConnectionAge.
     *
     * @param maxConnectionAge the age at which a connection is retired
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder maxConnectionAge(Duration maxConnectionAge) {
        this.maxConnectionAge = maxConnectionAge;
        return this;
    }

    /**
     * Sets minIdleTime.
     *
     * @param minIdleTime how long a surplus idle connection lives
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder minIdleTime(Duration minIdleTime) {
        this.minIdleTime = minIdleTime;
        return this;
    }

    /**
     * Sets initializationQuery.
     *
     * @param initializationQuery SQL run on every new connection
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder initializationQuery(String initializationQuery) {
        this.initializationQuery = initializationQuery;
        return this;
    }

    /**
     * Sets readOnlyByDefault.
     *
     * @param readOnlyByDefault whether connections start read-only
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder readOnlyByDefault(Boolean readOnlyByDefault) {
        this.readOnlyByDefault = readOnlyByDefault;
        return this;
    }

    /**
     * Sets isolation.
     *
     * @param isolation the default transaction isolation
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder defaultTransactionIsolation(TransactionIsolation isolation) {
        this.defaultTransactionIsolation = isolation;
        return this;
    }

    /**
     * Sets enabled.
     *
     * @param enabled whether Hibernate comments its SQL
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder autoCommentsEnabled(boolean enabled) {
        this.autoCommentsEnabled = enabled;
        return this;
    }

    /**
     * Sets replicas.
     *
     * @param replicas the JDBC URLs of the read replicas (or one pgjdbc multi-host URL)
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder replicas(List<String> replicas) {
        this.replicas = new ArrayList<>(replicas == null ? List.of() : replicas);
        return this;
    }

    /**
     * Sets maxReplicaLag.
     *
     * @param maxReplicaLag how far behind the primary a replica may be and still serve reads
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder maxReplicaLag(Duration maxReplicaLag) {
        this.maxReplicaLag = maxReplicaLag;
        return this;
    }

    /**
     * Sets readMaxSize.
     *
     * @param readMaxSize the most connections of each read-only pool
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder readMaxSize(Integer readMaxSize) {
        this.readMaxSize = readMaxSize;
        return this;
    }

    /**
     * Sets pgbouncer.
     *
     * @param pgbouncer whether the engine reaches PostgreSQL through PgBouncer in transaction pooling mode
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder pgbouncer(boolean pgbouncer) {
        this.pgbouncer = pgbouncer;
        return this;
    }

    /**
     * Sets the engine's schema migrations.
     *
     * @param migrations where its migrations are, whether to apply them at startup, the history table
     * @return this builder
     */
    @JsonProperty
    public EngineFactoryBuilder migrations(MigrationsFactory migrations) {
        this.migrations = migrations;
        return this;
    }

    /** @return the engine configuration (validated later, when the bundle starts) */
    public EngineFactory build() {
        return new EngineFactory(this);
    }
}
