package dev.hibernatelite.it.dwh;

import dev.hibernatelite.CommitOnSuccess;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.hibernate.UnitOfWork;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A {@code @UnitOfWork} the bundle cannot honour stops startup, instead of failing requests later. */
class UnitOfWorkStartupTest {
    /** The library with one more resource, naming an engine that does not exist. */
    public static class MisnamedApp extends LiteLibraryApp {
        @Override
        public void run(LiteLibraryConfig configuration, Environment environment) {
            super.run(configuration, environment);
            environment.jersey().register(new Misnamed());
        }
    }

    /** The library with one more resource, asking twice how to commit. */
    public static class MixedApp extends LiteLibraryApp {
        @Override
        public void run(LiteLibraryConfig configuration, Environment environment) {
            super.run(configuration, environment);
            environment.jersey().register(new Mixed());
        }
    }

    @Path("/misnamed")
    public static class Misnamed {
        @GET
        @UnitOfWork("defualt")
        public String get() {
            return "\"never\"";
        }
    }

    @Path("/mixed")
    public static class Mixed {
        @GET
        @UnitOfWork
        @CommitOnSuccess
        public String get() {
            return "\"never\"";
        }
    }

    private static void startupFails(Class<? extends LiteLibraryApp> type, String expected) {
        DropwizardTestSupport<LiteLibraryConfig> app = new DropwizardTestSupport<>(type,
                ResourceHelpers.resourceFilePath("lite-library.yml"),
                ConfigOverride.config("engines.default.url", "jdbc:h2:mem:"));
        try {
            assertThatThrownBy(app::before).hasStackTraceContaining(expected);
        } finally {
            app.after();
        }
    }

    @Test
    void aUnitOfWorkNamingNoEngineStopsStartupWithTheEnginesAndTheNearest() {
        startupFails(MisnamedApp.class, "HL161: " + Misnamed.class.getName() + ".get is annotated"
                + " @UnitOfWork(\"defualt\"), but there is no engine named 'defualt' (engines: default). Name one of"
                + " the engines under engines: in @UnitOfWork(\"...\"). Did you mean 'default'?");
    }

    @Test
    void aUnitOfWorkWithTheBundlesOwnAnnotationStopsStartup() {
        startupFails(MixedApp.class, "HL165: " + Mixed.class.getName() + ".get is annotated (or its class is) with"
                + " both @UnitOfWork and @CommitOnSuccess");
    }
}
