package dev.hibernatelite.example;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The blog on its embedded default, an H2 in-memory engine: the smoke set of {@link BlogAppContract}. */
class BlogAppH2Test extends BlogAppContract {
    @RegisterExtension
    static final DropwizardAppExtension<BlogConfig> APP = new DropwizardAppExtension<>(BlogApp.class,
            ResourceHelpers.resourceFilePath("test-config.yml"));

    @Override
    protected DropwizardAppExtension<BlogConfig> app() {
        return APP;
    }
}
