package ${package};

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.core.Configuration;

import java.util.Map;

/** The service's configuration: config.yml. */
public class TodoConfig extends Configuration {
    // Not validated here: the bundle checks the engines at startup and names the YAML path of each problem.
    @JsonProperty
    private Map<String, EngineFactory> engines;

    public Map<String, EngineFactory> getEngines() {
        return engines;
    }
}
