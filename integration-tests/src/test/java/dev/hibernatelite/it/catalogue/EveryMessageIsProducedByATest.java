package dev.hibernatelite.it.catalogue;

import dev.hibernatelite.internal.message.Message;
import dev.hibernatelite.testfixtures.ProducedMessagesRecorder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message id of the catalogue is produced by at least one test of the build: each module's
 * tests record the ids they made the bundle produce ({@link ProducedMessagesRecorder}); this
 * module is built last and runs this class after its other tests. Run the whole build
 * ({@code mvn verify} at the root) for it to see every module.
 */
@Order(Integer.MAX_VALUE)
class EveryMessageIsProducedByATest {
    private static final List<String> MODULES = List.of("bundle", "testing", "sync-only-tests", "example-app");

    @Test
    void everyIdOfTheCatalogueWasProducedByATestOfThisBuild() throws IOException {
        Set<String> produced = new TreeSet<>(ProducedMessagesRecorder.producedInThisJvm());
        for (String module : MODULES) {
            Path file = Path.of("..", module).resolve(ProducedMessagesRecorder.FILE);
            assertThat(file).as("the ids recorded by %s's tests; run the whole build", module).exists();
            produced.addAll(Files.readAllLines(file));
        }
        Set<String> declared = Arrays.stream(Message.values()).map(Message::id)
                .collect(Collectors.toCollection(TreeSet::new));
        declared.removeAll(produced);
        assertThat(declared).as("message ids no test produced").isEmpty();
    }
}
