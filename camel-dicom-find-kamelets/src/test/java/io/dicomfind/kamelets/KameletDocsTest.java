package io.dicomfind.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The README's property table of each Kamelet lists exactly the properties of its {@code .kamelet.yaml}, with their
 * types and defaults, and every property is documented in the Kamelet itself (title, description), as Camel's
 * catalog requires.
 */
class KameletDocsTest {
    private static final List<String> KAMELETS = List.of("dicom-worklist-source", "dicom-find-action");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String name) throws Exception {
        try (InputStream in = KameletDocsTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> m, String... path) {
        Object o = m;
        for (String p : path) {
            o = ((Map<String, Object>) o).get(p);
        }
        return (T) o;
    }

    /** The rows of the README table under "## `name`": "| `prop` | type | default |" (description left out). */
    private static List<String> readmeRows(String readme, String name) {
        int start = readme.indexOf("## `" + name + "`");
        assertTrue(start >= 0, "README has no section for " + name);
        int end = readme.indexOf("\n## ", start + 1);
        List<String> rows = new ArrayList<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.add(cells[1].trim() + " | " + cells[2].trim() + " | " + cells[3].trim());
            }
        }
        return rows;
    }

    @Test
    void readmeTablesAreTheKameletProperties() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String name : KAMELETS) {
            Map<String, Object> k = load(name);
            assertEquals("camel.apache.org/v1", k.get("apiVersion"));
            assertEquals("Kamelet", k.get("kind"));
            assertEquals(name, at(k, "metadata", "name"));
            List<String> dependencies = at(k, "spec", "dependencies");
            String component = "mvn:io.dicomfind:camel-dicom-find:" + System.getProperty("project.version");
            assertTrue(dependencies.contains(component), component + " (the version built) in " + dependencies);
            List<String> required = at(k, "spec", "definition", "required");
            Map<String, Map<String, Object>> props = at(k, "spec", "definition", "properties");
            List<String> rows = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> p : props.entrySet()) {
                Map<String, Object> def = p.getValue();
                assertTrue(def.get("title") instanceof String && def.get("description") instanceof String,
                        name + "." + p.getKey() + " needs a title and a description");
                Object dflt = def.get("default");
                String shown = required.contains(p.getKey()) ? "*required*"
                        : dflt == null ? "(none)" : "".equals(dflt) ? "(empty)" : dflt.toString();
                rows.add("`" + p.getKey() + "` | " + def.get("type") + " | " + shown);
            }
            assertEquals(rows, readmeRows(readme, name), "README.md table of " + name);
        }
    }
}
