package dev.hibernatelite.it.dwh;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;

import java.util.Map;

/** The same application's configuration on this bundle: {@code database:} became {@code engines:}. */
public class LiteLibraryConfig extends Configuration {
    @JsonProperty
    private Map<String, EngineFactory> engines;

    public Map<String, EngineFactory> getEngines() {
        return engines;
    }
}
