package dev.hibernatelite.it.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;

import java.util.Map;

/** The probe application's configuration. */
public class ProbeConfig extends Configuration {
    @JsonProperty
    private Map<String, EngineFactory> engines;

    @JsonProperty
    private Map<String, AsyncEngineFactory> asyncEngines;

    @JsonProperty
    private boolean createTables = true;

    public boolean isCreateTables() {
        return createTables;
    }

    public Map<String, AsyncEngineFactory> getAsyncEngines() {
        return asyncEngines;
    }

    public Map<String, EngineFactory> getEngines() {
        return engines;
    }
}
