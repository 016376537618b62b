package dev.hibernatelite;

import dev.hibernatelite.internal.message.Suggestions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did you mean" for engine names a user typed. */
class SuggestionsTest {
    private static final List<String> ENGINES = List.of("default", "reports", "tags", "archive");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "tagz,     tags",
            "report,   reports",
            "REPORTS,  reports",
            "defualt,  default",
            "archvie,  archive",
    })
    void aNameCloseToAKnownOneSuggestsIt(String typed, String expected) {
        assertThat(Suggestions.closest(typed, ENGINES)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"billing", "x", "analytics"})
    void aNameFarFromEveryKnownOneSuggestsNothing(String typed) {
        assertThat(Suggestions.closest(typed, ENGINES)).isEmpty();
        assertThat(Suggestions.didYouMean(typed, ENGINES)).isEmpty();
    }

    @Test
    void nothingIsSuggestedWhenNoNameIsKnown() {
        assertThat(Suggestions.closest("default", List.of())).isEmpty();
    }

    @Test
    void aShortNameMayBeOneEditAway() {
        assertThat(Suggestions.closest("ab", List.of("ac"))).contains("ac");
        assertThat(Suggestions.closest("ab", List.of("cd"))).isEmpty();
    }

    @Test
    void theSuggestionIsASentenceToAppend() {
        assertThat(Suggestions.didYouMean("tagz", ENGINES)).isEqualTo(" Did you mean 'tags'?");
    }

    @Test
    void theNearestOfSeveralCloseNamesWins() {
        assertThat(Suggestions.closest("reportz", List.of("reports22", "reports2", "reports"))).contains("reports");
    }
}
