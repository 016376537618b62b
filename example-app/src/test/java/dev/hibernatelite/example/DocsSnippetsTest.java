package dev.hibernatelite.example;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the docs honest: a code block preceded by {@code <!-- snippet: path -->} must be taken
 * from that file (which the build compiles and the tests run): each of its lines, in order.
 * A line {@code // ...} in the block stands for lines left out.
 */
class DocsSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    record Snippet(Path doc, Path source, List<String> lines) {
    }

    private static List<Snippet> snippets() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Snippet> found = new ArrayList<>();
        for (Path doc : docs) {
            if (!Files.exists(doc)) {
                continue;
            }
            Matcher m = SNIPPET.matcher(Files.readString(doc));
            while (m.find()) {
                found.add(new Snippet(doc, ROOT.resolve(m.group(1)), List.of(m.group(2).split("\n"))));
            }
        }
        return found;
    }

    @Test
    void theDocsHaveSnippetsTakenFromTheExample() throws IOException {
        assertThat(snippets()).hasSizeGreaterThan(5);
    }

    @TestFactory
    Stream<DynamicTest> everySnippetIsTakenFromItsSourceFile() throws IOException {
        return snippets().stream().map(snippet -> DynamicTest.dynamicTest(
                ROOT.relativize(snippet.doc()) + " quotes " + ROOT.relativize(snippet.source()),
                () -> assertQuoted(snippet)));
    }

    private static void assertQuoted(Snippet snippet) throws IOException {
        assertThat(snippet.source()).as("the file a snippet in %s names", snippet.doc()).exists();
        List<String> source = Files.readAllLines(snippet.source()).stream().map(String::strip).toList();
        int at = 0;
        for (String line : snippet.lines()) {
            String wanted = line.strip();
            if (wanted.isEmpty() || wanted.equals("// ...")) {
                continue;
            }
            int found = source.subList(at, source.size()).indexOf(wanted);
            assertThat(found).as("in %s, the line '%s' of its snippet, in %s after line %d",
                    snippet.doc().getFileName(), wanted, snippet.source().getFileName(), at).isNotNegative();
            at += found + 1;
        }
    }
}
