package dev.hibernatelite.it.refusal;

import dev.hibernatelite.it.app.ProbeConfig;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;

import java.util.Map;

/** {@link RefusalApp} with its own mappers for Hibernate's refusal exceptions, the bundle's mapping left on. */
public class OwnRefusalMappersApp extends RefusalApp {
    /** The application's answer to a refused value. */
    public static final class OwnDataMapper implements ExceptionMapper<DataException> {
        @Override
        public Response toResponse(DataException exception) {
            return Response.status(400).entity(Map.of("mine", "data")).type("application/json").build();
        }
    }

    /** The application's answer to a constraint violation. */
    public static final class OwnConstraintMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException exception) {
            return Response.status(400).entity(Map.of("mine", "constraint")).type("application/json").build();
        }
    }

    @Override
    public void run(ProbeConfig configuration, Environment environment) {
        super.run(configuration, environment);
        environment.jersey().register(new OwnDataMapper());
        environment.jersey().register(new OwnConstraintMapper());
    }
}
