package dev.hibernatelite.catalogue;

import dev.hibernatelite.internal.message.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The message catalogue: one declaration per id, and a row for each in docs/errors.md. */
class MessageCatalogueTest {
    private static final Path ERRORS_PAGE = Path.of("..", "docs", "errors.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (HL\\d+) \\| (.+?) \\| (.+?) \\|$");

    private static List<String> declaredIds() {
        return Arrays.stream(Message.values()).map(Message::id).collect(Collectors.toList());
    }

    @Test
    void noTwoMessagesShareAnId() {
        assertThat(declaredIds()).doesNotHaveDuplicates();
    }

    @Test
    void everyIdIsHlAndThreeDigitsInItsArea() {
        assertThat(declaredIds()).allMatch(id -> id.matches("HL[1-4]\\d\\d"));
    }

    @Test
    void everyIdHasARowSayingWhenAndTheFixInTheErrorsPage() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(ERRORS_PAGE));
        Set<String> documented = new TreeSet<>();
        while (rows.find()) {
            assertThat(rows.group(2)).as("when %s happens", rows.group(1)).isNotBlank();
            assertThat(rows.group(3)).as("the fix for %s", rows.group(1)).isNotBlank();
            assertThat(documented.add(rows.group(1))).as("%s documented once", rows.group(1)).isTrue();
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(declaredIds());
    }

    @Test
    void formattingAMessageStartsItWithItsId() {
        assertThat(Message.ENGINES_MISSING.format("engines is missing.")).isEqualTo("HL101: engines is missing.");
    }
}
