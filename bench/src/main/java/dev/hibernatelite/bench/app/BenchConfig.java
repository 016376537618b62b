package dev.hibernatelite.bench.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark application's configuration. Only the section of the running family is present
 * (the run writes one file per run): {@code engines} for the bundle, {@code database} for
 * dropwizard-hibernate, {@code jdbc} for plain JDBC and hand-wired Hibernate.
 */
public class BenchConfig extends Configuration {
    @Valid
    @JsonProperty
    private Map<String, EngineFactory> engines = new LinkedHashMap<>();

    @Valid
    @JsonProperty
    private DataSourceFactory database;

    @Valid
    @JsonProperty
    private JdbcSettings jdbc;

    public Map<String, EngineFactory> getEngines() {
        return engines;
    }

    public void setEngines(Map<String, EngineFactory> engines) {
        this.engines = engines;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    public JdbcSettings getJdbc() {
        return jdbc;
    }

    /**
     * The HikariCP pool of the plain JDBC and hand-wired Hibernate families.
     *
     * @param url the JDBC URL
     * @param poolSize fixed pool size (maximum = minimum idle)
     * @param hibernateProperties for hand-wired Hibernate: settings applied over its own
     * @param poolMetrics whether the pool reports into the application's MetricRegistry (timers on
     *        every borrow, as the bundle's pool does)
     */
    public record JdbcSettings(@JsonProperty("url") String url,
                               @JsonProperty("poolSize") int poolSize,
                               @JsonProperty("hibernateProperties") Map<String, String> hibernateProperties,
                               @JsonProperty("poolMetrics") boolean poolMetrics) {
    }
}
