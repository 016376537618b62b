package dev.hibernatelite.synconly;

import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;

import java.util.Map;

/** A configuration as a sync-only application writes it, with the optional asyncEngines map a user might add. */
public class SyncOnlyConfig extends Configuration {
    private Map<String, EngineFactory> engines;
    private Map<String, AsyncEngineFactory> asyncEngines = Map.of();

    public Map<String, EngineFactory> getEngines() {
        return engines;
    }

    public void setEngines(Map<String, EngineFactory> engines) {
        this.engines = engines;
    }

    public Map<String, AsyncEngineFactory> getAsyncEngines() {
        return asyncEngines;
    }

    public void setAsyncEngines(Map<String, AsyncEngineFactory> asyncEngines) {
        this.asyncEngines = asyncEngines == null ? Map.of() : asyncEngines;
    }
}
