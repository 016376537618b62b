package dev.hibernatelite.it.refusal;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.it.app.ProbeConfig;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/** Measurements and sensors, with the bundle's mapping of refusals as it is by default. */
public class RefusalApp extends Application<ProbeConfig> {
    final HibernateLite<ProbeConfig> db = HibernateLite.<ProbeConfig>builder()
            .engines(ProbeConfig::getEngines)
            .entities(Sensor.class, Measurement.class)
            .databaseRefusalMapping(mapsRefusals())
            .build();

    /** @return whether the bundle maps refusals (the builder's switch) */
    protected boolean mapsRefusals() {
        return true;
    }

    @Override
    public void initialize(Bootstrap<ProbeConfig> bootstrap) {
        bootstrap.addBundle(db);
    }

    @Override
    public void run(ProbeConfig configuration, Environment environment) {
        db.engine().createAll();
        environment.jersey().register(new MeasurementResource(db));
    }
}
