package dev.hibernatelite.it;

import dev.hibernatelite.CommitOnSuccess;
import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.ReadOnly;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Note;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resource method asking to be both read-only and committed on success stops the application's startup. */
class ReadOnlyWithCommitOnSuccessTest {
    /** An application whose one resource contradicts itself. */
    public static class ContradictingApp extends Application<ProbeConfig> {
        private final HibernateLite<ProbeConfig> db = HibernateLite.<ProbeConfig>builder()
                .engines(ProbeConfig::getEngines).entities(Note.class).build();

        @Override
        public void initialize(Bootstrap<ProbeConfig> bootstrap) {
            bootstrap.addBundle(db);
        }

        @Override
        public void run(ProbeConfig configuration, Environment environment) {
            environment.jersey().register(new Contradicting());
        }
    }

    /** Read-only, and committed on success. */
    @Path("/contradicting")
    @ReadOnly
    public static class Contradicting {
        @POST
        @CommitOnSuccess
        public String both() {
            return "\"never\"";
        }
    }

    @Test
    void startupFailsNamingTheMethodAndBothAnnotations() {
        DropwizardTestSupport<ProbeConfig> app = new DropwizardTestSupport<>(ContradictingApp.class,
                ResourceHelpers.resourceFilePath("probe.yml"));
        try {
            assertThatThrownBy(app::before)
                    .hasStackTraceContaining("HL241: " + Contradicting.class.getName() + ".both is annotated (or its"
                            + " class is) with both @ReadOnly and @CommitOnSuccess");
        } finally {
            app.after();
        }
    }
}
