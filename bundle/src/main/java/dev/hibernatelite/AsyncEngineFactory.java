package dev.hibernatelite;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.hibernatelite.internal.message.Secrets;
import io.dropwizard.util.Duration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One async engine (Hibernate Reactive on a Vert.x SQL client) as written under
 * {@code asyncEngines:}: a bare URL ({@code default: postgresql://127.0.0.1:5432/blog}, a JDBC
 * URL works too) or an object with the fields below. Validated, like engines, when the bundle
 * starts, with every problem named by its YAML path.
 */
@JsonDeserialize(builder = AsyncEngineFactory.Builder.class)
public final class AsyncEngineFactory {
    /** Pool size used when {@code maxSize} is not set. */
    public static final int DEFAULT_MAX_SIZE = 10;
    /** How long a caller waits for a pooled connection when {@code maxWaitForConnection} is not set. */
    public static final Duration DEFAULT_MAX_WAIT_FOR_CONNECTION = Duration.seconds(5);
    /** Bound of the health check when {@code validationQueryTimeout} is not set. */
    public static final Duration DEFAULT_VALIDATION_QUERY_TIMEOUT = Duration.seconds(3);

    private final String url;
    private final String user;
    private final String password;
    private final Integer maxSize;
    private final Duration maxWaitForConnection;
    private final Integer maxWaitQueueSize;
    private final Duration minIdleTime;
    private final Duration validationQueryTimeout;
    private final Map<String, String> properties;
    private final MigrationsFactory migrations;

    private AsyncEngineFactory(Builder b) {
        url = b.url;
        user = b.user;
        password = b.password;
        maxSize = b.maxSize;
        maxWaitForConnection = b.maxWaitForConnection;
        maxWaitQueueSize = b.maxWaitQueueSize;
        minIdleTime = b.minIdleTime;
        validationQueryTimeout = b.validationQueryTimeout;
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        migrations = b.migrations;
    }

    /**
     * @param url the database URL, {@code postgresql://host:5432/db} or {@code jdbc:postgresql://...}
     * @return an async engine with every other field at its default
     */
    public static AsyncEngineFactory of(String url) {
        return builder().url(requireNonNull(url, "url")).build();
    }

    /** @return a builder with every field at its default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the URL as written (may be null or blank when the YAML left it out) */
    public String getUrl() {
        return url;
    }

    /** @return the user, if set outside the URL */
    public Optional<String> getUser() {
        return Optional.ofNullable(user);
    }

    /** @return the password, if set outside the URL; never logged */
    public Optional<String> getPassword() {
        return Optional.ofNullable(password);
    }

    /** @return the most connections in the pool, as written */
    public Optional<Integer> getMaxSize() {
        return Optional.ofNullable(maxSize);
    }

    /** @return how long a caller waits for a connection, as written */
    public Optional<Duration> getMaxWaitForConnection() {
        return Optional.ofNullable(maxWaitForConnection);
    }

    /** @return how many callers may wait for a connection (unbounded when not set) */
    public Optional<Integer> getMaxWaitQueueSize() {
        return Optional.ofNullable(maxWaitQueueSize);
    }

    /** @return how long an idle connection is kept, as written */
    public Optional<Duration> getMinIdleTime() {
        return Optional.ofNullable(minIdleTime);
    }

    /** @return the bound of the health check, as written */
    public Optional<Duration> getValidationQueryTimeout() {
        return Optional.ofNullable(validationQueryTimeout);
    }

    /** @return Hibernate (and Hibernate Reactive) properties, unmodifiable, in YAML order */
    public Map<String, String> getProperties() {
        return properties;
    }

    /**
     * @return the engine's schema migrations as written; they run through the JDBC URL that matches
     *         the async URL ({@code postgresql://...} becomes {@code jdbc:postgresql://...})
     */
    public Optional<MigrationsFactory> getMigrations() {
        return Optional.ofNullable(migrations);
    }

    /** A description without the password, safe to log. */
    @Override
    public String toString() {
        return "AsyncEngineFactory{url=" + (url == null ? null : Secrets.mask(url)) + ", user=" + user
                + ", password=" + (password == null ? "none" : "****") + "}";
    }

    /** Builds an {@link AsyncEngineFactory}; also what Jackson uses to read the YAML full form. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private Integer maxSize;
        private Duration maxWaitForConnection;
        private Integer maxWaitQueueSize;
        private Duration minIdleTime;
        private Duration validationQueryTimeout;
        private Map<String, String> properties = new LinkedHashMap<>();
        private MigrationsFactory migrations;

        private Builder() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Builder fromUrl(String url) {
            return new Builder().url(url);
        }

        /**
         * @param url the database URL
         * @return this builder
         */
        @JsonProperty
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param user the database user
         * @return this builder
         */
        @JsonProperty
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * @param password the database password
         * @return this builder
         */
        @JsonProperty
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * @param maxSize the most connections in the pool
         * @return this builder
         */
        @JsonProperty
        public Builder maxSize(Integer maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /**
         * @param maxWaitForConnection how long a caller waits for a connection
         * @return this builder
         */
        @JsonProperty
        public Builder maxWaitForConnection(Duration maxWaitForConnection) {
            this.maxWaitForConnection = maxWaitForConnection;
            return this;
        }

        /**
         * @param maxWaitQueueSize how many callers may wait for a connection
         * @return this builder
         */
        @JsonProperty
        public Builder maxWaitQueueSize(Integer maxWaitQueueSize) {
            this.maxWaitQueueSize = maxWaitQueueSize;
            return this;
        }

        /**
         * @param minIdleTime how long an idle connection is kept
         * @return this builder
         */
        @JsonProperty
        public Builder minIdleTime(Duration minIdleTime) {
            this.minIdleTime = minIdleTime;
            return this;
        }

        /**
         * @param validationQueryTimeout the bound of the health check
         * @return this builder
         */
        @JsonProperty
        public Builder validationQueryTimeout(Duration validationQueryTimeout) {
            this.validationQueryTimeout = validationQueryTimeout;
            return this;
        }

        /**
         * @param properties Hibernate and Hibernate Reactive properties
         * @return this builder
         */
        @JsonProperty
        public Builder properties(Map<String, String> properties) {
            this.properties = new LinkedHashMap<>(properties == null ? Map.of() : properties);
            return this;
        }

        /**
         * @param migrations the engine's schema migrations
         * @return this builder
         */
        @JsonProperty
        public Builder migrations(MigrationsFactory migrations) {
            this.migrations = migrations;
            return this;
        }

        /** @return the async engine configuration (validated when the bundle starts) */
        public AsyncEngineFactory build() {
            return new AsyncEngineFactory(this);
        }
    }
}
