package dev.hibernatelite.example;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hibernatelite.AsyncEngineFactory;
import dev.hibernatelite.EngineFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' code blocks that are not quoted from a source file (those {@link DocsSnippetsTest}
 * checks) work as shown: every {@code xml} block parses, and each dependency in it has a version
 * or is managed by the BOM the same page imports; every {@code yaml} block parses, and its
 * {@code engines:} and {@code asyncEngines:} bind to the bundle's factories; every {@code java}
 * block that is a whole file (it has its imports) compiles against the example's class path.
 */
class DocsBlocksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    // fences may be indented (a block in a list item): the closing fence has the opening one's indentation
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- snippet: \\S+ -->\\s*\\n)?^([ \\t]*)```([a-z]*)\\n(.*?)\\n\\2```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final String BOM = "dropwizard-hibernate-lite-bom";

    record Block(Path doc, String language, String text, boolean bomOnPage) {
        @Override
        public String toString() {
            return ROOT.relativize(doc) + ": " + text.lines().findFirst().orElse("");
        }
    }

    static List<Block> blocks(String language) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Block> found = new ArrayList<>();
        for (Path doc : docs) {
            String page = Files.readString(doc);
            Matcher m = BLOCK.matcher(page);
            while (m.find()) {
                if (m.group(1) == null && m.group(3).equals(language)) {
                    String text = m.group(4).replaceAll("(?m)^" + m.group(2), "");
                    found.add(new Block(doc, language, text, page.contains("<artifactId>" + BOM + "</artifactId>")));
                }
            }
        }
        return found;
    }

    /** @return groupId:artifactId of every dependency the BOM manages, with those of the BOMs it imports (Dropwizard's, JUnit's) */
    static Set<String> managedByTheBom() throws Exception {
        Set<String> managed = new TreeSet<>();
        managedIn(ROOT.resolve("bom/pom.xml"), managed);
        return managed;
    }

    private static void managedIn(Path pom, Set<String> managed) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Map<String, String> properties = new java.util.HashMap<>();
        NodeList declared = doc.getElementsByTagName("properties");
        for (int i = 0; i < declared.getLength(); i++) {
            NodeList children = declared.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        NodeList dependencies = doc.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String group = text(dependency, "groupId");
            String artifact = text(dependency, "artifactId");
            managed.add(group + ":" + artifact);
            if ("import".equals(text(dependency, "scope"))) {
                String version = text(dependency, "version");
                Matcher property = Pattern.compile("\\$\\{(.+)}").matcher(version);
                if (property.matches()) {
                    version = properties.get(property.group(1));
                }
                Path imported = repository().resolve(group.replace('.', '/') + "/" + artifact + "/" + version + "/"
                        + artifact + "-" + version + ".pom");
                if (version != null && Files.exists(imported)) {
                    managedIn(imported, managed);
                }
            }
        }
    }

    private static Path repository() {
        return Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    }

    private static String text(Element element, String child) {
        NodeList found = element.getElementsByTagName(child);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    @Test
    void theDocsShowDependencyBlocksAndConfigurations() throws IOException {
        assertThat(blocks("xml")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(blocks("yaml")).hasSizeGreaterThanOrEqualTo(4);
    }

    @TestFactory
    Stream<DynamicTest> everyXmlBlockParsesAndEachDependencyHasAVersionOrTheBomOfItsPage() throws Exception {
        Set<String> managed = managedByTheBom();
        return blocks("xml").stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                    ("<root>" + block.text() + "</root>").getBytes(StandardCharsets.UTF_8)));
            NodeList dependencies = doc.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
                String version = text(dependency, "version");
                if (version != null) {
                    assertThat(version).as(coordinates).matches("[0-9][0-9A-Za-z.-]*");
                } else {
                    assertThat(block.bomOnPage()).as("%s has no version, and its page imports no BOM", coordinates).isTrue();
                    assertThat(managed).as("%s has no version: the BOM must manage it", coordinates).contains(coordinates);
                }
            }
            NodeList plugins = doc.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                assertThat(text((Element) plugins.item(i), "version")).as("the version of a plugin").isNotBlank();
            }
        }));
    }

    /** What a docs page's YAML may configure of the bundle; the rest of the document is Dropwizard's or the page's own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class BundleYaml {
        @JsonProperty
        Map<String, EngineFactory> engines;

        @JsonProperty
        Map<String, AsyncEngineFactory> asyncEngines;
    }

    @TestFactory
    Stream<DynamicTest> everyYamlBlockParsesAndItsEnginesBind() throws IOException {
        YamlConfigurationFactory<BundleYaml> factory = new YamlConfigurationFactory<>(BundleYaml.class, null,
                new ObjectMapper(), "dw");
        return blocks("yaml").stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            BundleYaml bound = factory.build(new SubstitutingSourceProvider(
                    path -> new ByteArrayInputStream(block.text().getBytes(StandardCharsets.UTF_8)),
                    new EnvironmentVariableSubstitutor(false)), block.doc().getFileName().toString());
            assertThat(bound).isNotNull();
            if (block.text().contains("engines:")) {
                assertThat(bound.engines == null && bound.asyncEngines == null).as("engines bound").isFalse();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockWithItsImportsCompiles() throws IOException {
        return blocks("java").stream().filter(block -> block.text().contains("\nimport ")
                || block.text().startsWith("import ") || block.text().startsWith("package "))
                .map(block -> DynamicTest.dynamicTest(block.toString(), () -> assertCompiles(block)));
    }

    private static void assertCompiles(Block block) throws IOException {
        Matcher type = Pattern.compile("public (?:final )?(?:class|record|interface|enum) (\\w+)").matcher(block.text());
        assertThat(type.find()).as("a public type in %s", block).isTrue();
        Path dir = Files.createTempDirectory("docs-java");
        Path source = dir.resolve(type.group(1) + ".java");
        Files.writeString(source, block.text());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", dir.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", source.toString());
        assertThat(status).as("javac on %s:%n%s", block, errors.toString(StandardCharsets.UTF_8)).isZero();
    }
}
