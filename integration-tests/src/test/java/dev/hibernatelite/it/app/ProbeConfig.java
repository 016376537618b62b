package dev.hibernatelite.it.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;

import java.util.Map;

/** The probe application's configuration. */
public class ProbeConfig extends Configuration {
    @JsonProperty
    private Map<String, EngineFactory> engines;

    public Map<String, EngineFactory> getEngines() {
        return engines;
    }
}
