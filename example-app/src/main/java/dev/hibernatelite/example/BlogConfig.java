package dev.hibernatelite.example;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;

import java.util.Map;

/** The blog's configuration: Dropwizard's, plus the database engines and the optional async engines. */
public class BlogConfig extends Configuration {
    // Not validated here: the bundle checks the engines at startup and names the YAML path of each problem.
    private Map<String, EngineFactory> engines;
    // Optional: Hibernate Reactive engines, for /async/users. None unless the YAML has asyncEngines.
    private Map<String, AsyncEngineFactory> asyncEngines = Map.of();
    private boolean createTables;

    /** @return the engines by name, from {@code engines:} in the YAML; {@code default} is required */
    @JsonProperty
    public Map<String, EngineFactory> getEngines() {
        return engines;
    }

    /** @param engines the engines by name */
    @JsonProperty
    public void setEngines(Map<String, EngineFactory> engines) {
        this.engines = engines;
    }

    /** @return the async engines by name, from {@code asyncEngines:} in the YAML; empty when there are none */
    @JsonProperty
    public Map<String, AsyncEngineFactory> getAsyncEngines() {
        return asyncEngines;
    }

    /** @param asyncEngines the async engines by name (null, as an empty {@code asyncEngines:} reads, means none) */
    @JsonProperty
    public void setAsyncEngines(Map<String, AsyncEngineFactory> asyncEngines) {
        this.asyncEngines = asyncEngines == null ? Map.of() : asyncEngines;
    }

    /** @return whether to create the missing tables at startup (default false) */
    @JsonProperty
    public boolean isCreateTables() {
        return createTables;
    }

    /** @param createTables whether to create the missing tables at startup */
    @JsonProperty
    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }
}
