package dev.hibernatelite;

import org.hibernate.CacheMode;
import org.hibernate.FlushMode;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the bundle sets up the sessions it opens in contexts: flask-sqlalchemy-lite's
 * {@code SQLALCHEMY_SESSION_OPTIONS}. Given to the builder for every engine
 * ({@link HibernateLiteBuilder#sessionOptions(SessionOptions)}) and per engine
 * ({@link HibernateLiteBuilder#sessionOptions(String, SessionOptions)}), whose options win
 * one by one. What is not set stays Hibernate's default. Immutable: each method returns a copy.
 *
 * <pre>{@code
 * HibernateLite.<AppConfig>builder()
 *         .engines(AppConfig::getEngines)
 *         .sessionOptions(SessionOptions.defaults().flushMode(FlushMode.COMMIT).jdbcBatchSize(50))
 *         .sessionOptions("reports", SessionOptions.defaults().cacheMode(CacheMode.IGNORE))
 *         .build();
 * }</pre>
 *
 * <p>Read-only sessions ({@code @ReadOnly}, {@code db.readOnlyContext()}) never flush, whatever
 * the flush mode says.
 */
public final class SessionOptions {
    private static final SessionOptions DEFAULTS = new SessionOptions(null, null, null, null);

    private final FlushMode flushMode;
    private final CacheMode cacheMode;
    private final Integer jdbcBatchSize;
    private final Integer fetchBatchSize;

    private SessionOptions(FlushMode flushMode, CacheMode cacheMode, Integer jdbcBatchSize, Integer fetchBatchSize) {
        this.flushMode = flushMode;
        this.cacheMode = cacheMode;
        this.jdbcBatchSize = jdbcBatchSize;
        this.fetchBatchSize = fetchBatchSize;
    }

    /** @return options that set nothing: Hibernate's defaults */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param mode when sessions flush ({@code COMMIT} is SQLAlchemy's {@code autoflush=False})
     * @return a copy with the flush mode set
     */
    public SessionOptions flushMode(FlushMode mode) {
        return new SessionOptions(requireNonNull(mode, "mode"), cacheMode, jdbcBatchSize, fetchBatchSize);
    }

    /**
     * @param mode how sessions use the second-level cache
     * @return a copy with the cache mode set
     */
    public SessionOptions cacheMode(CacheMode mode) {
        return new SessionOptions(flushMode, requireNonNull(mode, "mode"), jdbcBatchSize, fetchBatchSize);
    }

    /**
     * @param size how many statements a session sends in one JDBC batch
     * @return a copy with the batch size set
     * @throws IllegalArgumentException if it is below 1
     */
    public SessionOptions jdbcBatchSize(int size) {
        return new SessionOptions(flushMode, cacheMode, positive(size, "jdbcBatchSize"), fetchBatchSize);
    }

    /**
     * @param size how many lazy entities or collections a session loads in one statement
     * @return a copy with the fetch batch size set
     * @throws IllegalArgumentException if it is below 1
     */
    public SessionOptions fetchBatchSize(int size) {
        return new SessionOptions(flushMode, cacheMode, jdbcBatchSize, positive(size, "fetchBatchSize"));
    }

    /**
     * @param base the options these override
     * @return these options where set, {@code base}'s elsewhere
     */
    public SessionOptions over(SessionOptions base) {
        requireNonNull(base, "base");
        return new SessionOptions(flushMode != null ? flushMode : base.flushMode,
                cacheMode != null ? cacheMode : base.cacheMode,
                jdbcBatchSize != null ? jdbcBatchSize : base.jdbcBatchSize,
                fetchBatchSize != null ? fetchBatchSize : base.fetchBatchSize);
    }

    /** @return the flush mode, if set */
    public Optional<FlushMode> flushMode() {
        return Optional.ofNullable(flushMode);
    }

    /** @return the cache mode, if set */
    public Optional<CacheMode> cacheMode() {
        return Optional.ofNullable(cacheMode);
    }

    /** @return the JDBC batch size, if set */
    public Optional<Integer> jdbcBatchSize() {
        return Optional.ofNullable(jdbcBatchSize);
    }

    /** @return the fetch batch size, if set */
    public Optional<Integer> fetchBatchSize() {
        return Optional.ofNullable(fetchBatchSize);
    }

    private static Integer positive(int size, String what) {
        if (size < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + size);
        }
        return size;
    }

    @Override
    public String toString() {
        return "SessionOptions{flushMode=" + flushMode + ", cacheMode=" + cacheMode + ", jdbcBatchSize=" + jdbcBatchSize
                + ", fetchBatchSize=" + fetchBatchSize + "}";
    }
}
