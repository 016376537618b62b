package dev.hibernatelite.example;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog on its embedded default, an H2 in-memory engine and no async engine: the smoke set of
 * {@link BlogAppContract}.
 */
class BlogAppH2Test extends BlogAppContract {
    @RegisterExtension
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"));

    @Override
    protected DropwizardAppExtension<BlogConfig> app() {
        return APP;
    }

    @Test
    void withoutAnAsyncEngineThereAreNoAsyncRoutes() {
        assertThat(APP.getConfiguration().getAsyncEngines()).isEmpty();

        assertThat(blog().get("/async/users").status()).isEqualTo(404);
    }
}
