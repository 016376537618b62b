package dev.hibernatelite;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.hibernatelite.internal.JdbcUrls;
import io.dropwizard.util.Duration;

import java.util.Collections;
import java.util.LinkedHashMap;
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
@JsonDeserialize(builder = EngineFactory.Builder.class)
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

    private final String url;
    private final String driverClass;
    private final String user;
    private final String password;
    private final Map<String, String> properties;
    private final Integer maxSize;
    private final Integer minSize;
    private final Duration maxWaitForConnection;
    private final String validationQuery;
    private final Duration validationQueryTimeout;
    private final Duration maxConnectionAge;
    private final Duration minIdleTime;
    private final String initializationQuery;
    private final Boolean readOnlyByDefault;
    private final TransactionIsolation defaultTransactionIsolation;
    private final boolean autoCommentsEnabled;

    private EngineFactory(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this engine's fields, to derive a changed copy.
     *
     * @return a new builder initialised from this configuration
     */
    public Builder toBuilder() {
        return new Builder(this);
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

    /** A description without the password, safe to log. */
    @Override
    public String toString() {
        return "EngineFactory{url=" + (url == null ? null : JdbcUrls.mask(url))
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
                && defaultTransactionIsolation == that.defaultTransactionIsolation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, driverClass, user, maxSize, minSize, properties);
    }

    /**
     * Builds an {@link EngineFactory}; also what Jackson uses to read the YAML full form.
     * Setters take values as written; nothing is checked until the bundle starts.
     */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String url;
        private String driverClass;
        private String user;
        private String password;
        private Map<String, String> properties = new LinkedHashMap<>();
        private Integer maxSize;
        private Integer minSize;
        private Duration maxWaitForConnection;
        private String validationQuery;
        private Duration validationQueryTimeout;
        private Duration maxConnectionAge;
        private Duration minIdleTime;
        private String initializationQuery;
        private Boolean readOnlyByDefault;
        private TransactionIsolation defaultTransactionIsolation;
        private boolean autoCommentsEnabled;

        private Builder() {
        }

        private Builder(EngineFactory f) {
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
        }

        /**
         * The YAML shorthand: a bare string is the URL.
         *
         * @param url the JDBC URL
         * @return a builder holding that URL
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Builder fromUrl(String url) {
            return new Builder().url(url);
        }

        /**
         * Sets url.
         *
         * @param url the JDBC URL
         * @return this builder
         */
        @JsonProperty
        public Builder url(String url) {
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
        public Builder driverClass(String driverClass) {
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
        public Builder user(String user) {
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
        public Builder password(String password) {
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
        public Builder properties(Map<String, String> properties) {
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
        public Builder property(String key, String value) {
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
        public Builder maxSize(Integer maxSize) {
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
        public Builder minSize(Integer minSize) {
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
        public Builder maxWaitForConnection(Duration maxWaitForConnection) {
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
        public Builder validationQuery(String validationQuery) {
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
        public Builder validationQueryTimeout(Duration validationQueryTimeout) {
            this.validationQueryTimeout = validationQueryTimeout;
            return this;
        }

        /**
         * Sets maxConnectionAge.
         *
         * @param maxConnectionAge the age at which a connection is retired
         * @return this builder
         */
        @JsonProperty
        public Builder maxConnectionAge(Duration maxConnectionAge) {
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
        public Builder minIdleTime(Duration minIdleTime) {
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
        public Builder initializationQuery(String initializationQuery) {
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
        public Builder readOnlyByDefault(Boolean readOnlyByDefault) {
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
        public Builder defaultTransactionIsolation(TransactionIsolation isolation) {
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
        public Builder autoCommentsEnabled(boolean enabled) {
            this.autoCommentsEnabled = enabled;
            return this;
        }

        /** @return the engine configuration (validated later, when the bundle starts) */
        public EngineFactory build() {
            return new EngineFactory(this);
        }
    }
}
