package dev.hibernatelite.synconly;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What this module proves is only worth something if the async stack (and dropwizard-hibernate) really is absent. */
class SyncOnlyClassPathTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.hibernate.reactive.mutiny.Mutiny", "io.smallrye.mutiny.Uni", "io.vertx.core.Vertx",
            "io.netty.channel.Channel", "io.dropwizard.hibernate.UnitOfWork"})
    void theAsyncStackIsNotOnTheClassPath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
