package dev.hibernatelite.example;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM (which has no parent, so that importing it brings nothing of the build) manages the
 * versions the project builds and tests with: each version property it declares has the parent's value.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Map<String, String> properties(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        Map<String, String> found = new LinkedHashMap<>();
        NodeList sections = project.getElementsByTagName("properties");
        for (int i = 0; i < sections.getLength(); i++) {
            if (sections.item(i).getParentNode() != project) {
                continue;
            }
            NodeList children = sections.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j).getNodeType() == Node.ELEMENT_NODE) {
                    found.put(children.item(j).getNodeName(), children.item(j).getTextContent().strip());
                }
            }
        }
        return found;
    }

    @Test
    void everyVersionTheBomDeclaresIsTheOneTheProjectBuildsWith() throws Exception {
        Map<String, String> bom = properties(ROOT.resolve("bom/pom.xml"));
        Map<String, String> parent = properties(ROOT.resolve("pom.xml"));

        assertThat(bom).isNotEmpty().containsKeys("dropwizard.version", "postgresql.version", "vertx.version",
                "scram-client.version", "hibernate-reactive.version");
        bom.forEach((name, version) -> assertThat(version).as(name).isEqualTo(parent.get(name)));
    }
}
