package io.dicomfind.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomFindComponent;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The starter's META-INF/spring-configuration-metadata.json, what IDEs complete {@code application.yaml} from: one
 * property per component option of dicomfind.json, with its description, type and default in Boot's syntax.
 */
class DicomFindConfigurationMetadataTest {

    @Test
    void everyComponentOptionIsInBootsMetadata() throws Exception {
        Map<String, JsonObject> properties = new HashMap<>();
        for (Object p : starterMetadata().getCollection("properties")) {
            JsonObject o = (JsonObject) p;
            properties.put(o.getString("name"), o);
        }
        JsonObject options;
        try (InputStream in = DicomFindComponent.class.getClassLoader()
                .getResourceAsStream("META-INF/io/dicomfind/camel/dicomfind.json")) {
            options = ((JsonObject) Jsoner.deserialize(new InputStreamReader(in, StandardCharsets.UTF_8)))
                    .getMap("componentProperties");
        }
        for (String name : options.keySet()) {
            String property = "camel.component.dicomfind."
                    + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            JsonObject p = properties.get(property);
            assertNotNull(p, property + " is not in spring-configuration-metadata.json");
            assertFalse(p.getString("description").isBlank(), property);
            assertNotNull(p.getString("type"), property);
        }
        assertTrue(properties.containsKey("camel.component.dicomfind.enabled"));
        JsonObject acse = properties.get("camel.component.dicomfind.acse-timeout");
        assertEquals("java.time.Duration", acse.getString("type"));
        assertEquals("30s", acse.getString("defaultValue"));
        assertEquals("FINDSCU", properties.get("camel.component.dicomfind.calling-aet").getString("defaultValue"));
    }

    /** Boot and Camel ship metadata files of their own: the one naming our configuration class. */
    private static JsonObject starterMetadata() throws Exception {
        for (URL url : Collections.list(DicomFindConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (Reader r = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                JsonObject root = (JsonObject) Jsoner.deserialize(r);
                JsonArray groups = (JsonArray) root.get("groups");
                if (groups != null && groups.stream().anyMatch(g -> DicomFindComponentConfiguration.class.getName()
                        .equals(((JsonObject) g).getString("type")))) {
                    return root;
                }
            }
        }
        throw new AssertionError("no spring-configuration-metadata.json for " + DicomFindComponentConfiguration.class);
    }
}
