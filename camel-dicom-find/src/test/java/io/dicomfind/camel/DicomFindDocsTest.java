package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The option and header tables of {@code src/main/docs/dicomfind-component.adoc} are generated from the
 * {@code dicomfind.json} the Camel plugin writes (Antora's partials do not resolve outside Camel's own site). This
 * test fails when they are stale; run it with {@code -Ddicomfind.docs.update=true} to rewrite them.
 */
class DicomFindDocsTest {
    private static final Path ADOC = Path.of("src/main/docs/dicomfind-component.adoc");
    private static final Path SOURCES = Path.of("src/main/java/io/dicomfind/camel");

    @Test
    void tablesMatchTheComponentJson() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/dicomfind/camel/dicomfind.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String doc = Files.readString(ADOC);
        String updated = doc;
        updated = replace(updated, "component options",
                "The DICOM C-FIND component supports " + json.getMap("componentProperties").size()
                + " options, which are listed below.\n\n" + table(json.getMap("componentProperties"), o -> true));
        JsonObject props = (JsonObject) json.get("properties");
        updated = replace(updated, "endpoint options",
                "The DICOM C-FIND endpoint is configured using URI syntax:\n\n----\n" + json.getMap("component")
                .get("syntax") + "\n----\n\nwith the following path and query parameters:\n\n"
                + "=== Path Parameters (" + count(props, true) + " parameters)\n\n"
                + table(props, o -> "path".equals(o.get("kind"))) + "\n"
                + "=== Query Parameters (" + count(props, false) + " parameters)\n\n"
                + table(props, o -> !"path".equals(o.get("kind"))));
        updated = replace(updated, "component headers",
                "The DICOM C-FIND component supports " + json.getMap("headers").size()
                + " message headers, which are listed below:\n\n" + headerTable(json.getMap("headers")));
        if (Boolean.getBoolean("dicomfind.docs.update")) {
            Files.writeString(ADOC, updated);
            return;
        }
        assertEquals(updated, doc, ADOC + " is stale: run this test with -Ddicomfind.docs.update=true");
    }

    /**
     * Camel's metadata plugin silently drops some characters from descriptions ({@code +}, {@code [}, {@code ]},
     * {@code *}): {@code ${body[StudyInstanceUID]}} became {@code ${bodyStudyInstanceUID}} and {@code findscu +u}
     * became {@code findscu u} in dicomfind.json and so in the adoc tables. Every description written in our sources
     * must reach dicomfind.json unchanged (the plugin may only append, e.g. the multi-value note).
     */
    @Test
    void generatedDescriptionsAreTheSourceDescriptions() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/dicomfind/camel/dicomfind.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, String> source = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                source.putAll(sourceDescriptions(Files.readString(f)));
            }
        }
        java.util.List<String> mangled = new java.util.ArrayList<>();
        int compared = 0;
        for (String section : java.util.List.of("componentProperties", "properties", "headers")) {
            Map<String, Object> options = json.getMap(section);
            for (Map.Entry<String, Object> e : options.entrySet()) {
                String expected = source.get(e.getKey());
                if (expected == null) {
                    continue; // inherited from Camel (scheduler, bridgeErrorHandler, ...)
                }
                compared++;
                String generated = String.valueOf(((Map<?, ?>) e.getValue()).get("description"));
                if (!generated.startsWith(expected)) {
                    mangled.add(section + "." + e.getKey() + ": '" + generated + "' instead of '" + expected + "'");
                }
            }
        }
        assertTrue(compared > 60, "only " + compared + " descriptions found in " + SOURCES);
        assertEquals(java.util.List.of(), mangled, "descriptions changed by the Camel metadata plugin: reword"
                + " them without + [ ] *");
    }

    /**
     * Option or header name to description, from {@code description = "..." + "..."} in @UriParam, @UriPath and
     * @Metadata: the name is the next field's, or for a header constant its value.
     */
    static Map<String, String> sourceDescriptions(String code) {
        Map<String, String> out = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("description\\s*=\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+)").matcher(code);
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        java.util.regex.Pattern field = java.util.regex.Pattern.compile(
                "(public|private|protected)\\s+(static\\s+final\\s+String\\s+\\w+\\s*=\\s*\"([^\"]*)\"|[\\w<>, .?]+?\\s(\\w+)\\s*[=;])");
        while (m.find()) {
            StringBuilder text = new StringBuilder();
            java.util.regex.Matcher l = literal.matcher(m.group(1));
            while (l.find()) {
                text.append(l.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            java.util.regex.Matcher f = field.matcher(code);
            if (f.find(m.end())) {
                out.put(f.group(3) != null ? f.group(3) : f.group(4), text.toString());
            }
        }
        return out;
    }

    private static long count(JsonObject props, boolean path) {
        return props.values().stream().filter(v -> "path".equals(((Map<?, ?>) v).get("kind")) == path).count();
    }

    private static String replace(String doc, String marker, String content) {
        String start = "// " + marker + ": START\n";
        String end = "// " + marker + ": END";
        int s = doc.indexOf(start);
        int e = doc.indexOf(end);
        if (s < 0 || e < s) {
            throw new IllegalStateException(ADOC + " lacks the markers '" + start.trim() + "' and '" + end + "'");
        }
        return doc.substring(0, s + start.length()) + content + "\n" + doc.substring(e);
    }

    private static String table(Map<String, Object> options, Predicate<Map<?, ?>> filter) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                + "| Name | Description | Default | Type\n");
        for (Map.Entry<String, Object> e : options.entrySet()) {
            Map<?, ?> o = (Map<?, ?>) e.getValue();
            if (!filter.test(o)) {
                continue;
            }
            String name = e.getKey();
            String description = String.valueOf(o.get("description"));
            if (o.get("enum") != null) {
                description += "\n\nEnum values:\n\n" + String.join("\n", ((java.util.List<?>) o.get("enum"))
                        .stream().map(v -> "* " + v).toList());
            }
            description += securityNote(o);
            sb.append("| *").append(name).append("* (").append(o.get("group")).append(")")
                    .append(Boolean.TRUE.equals(o.get("required")) ? " *required*" : "").append("\n")
                    .append("a| ").append(escape(description)).append("\n")
                    .append("| ").append(o.get("defaultValue") == null ? "" : escape(o.get("defaultValue").toString()))
                    .append("\n")
                    .append("| ").append(escape(simpleType(String.valueOf(o.get("javaType"))))).append("\n");
        }
        return sb.append("|===\n").toString();
    }

    /**
     * The option attributes Camel 4.22's security policy and tooling read ({@code secret}, {@code security},
     * {@code insecureValue}), which Camel's own option tables do not show but a user deciding on a value needs.
     */
    static String securityNote(Map<?, ?> option) {
        StringBuilder note = new StringBuilder();
        if (Boolean.TRUE.equals(option.get("secret"))) {
            note.append("\n\nSecret: masked in logs; prefer a property placeholder or vault reference.");
        }
        if (option.get("security") != null) {
            note.append("\n\nSecurity: ").append(option.get("security"));
            if (option.get("insecureValue") != null) {
                note.append(", insecure when set to ").append(option.get("insecureValue"));
            }
            note.append('.');
        }
        return note.toString();
    }

    private static String headerTable(Map<String, Object> headers) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"10%,10%,10%,10%,50%\",options=\"header\"]\n|===\n"
                + "| Name | Group | Default | Type | Description\n");
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            Map<?, ?> h = (Map<?, ?>) e.getValue();
            sb.append("| *").append(e.getKey()).append("* (").append(h.get("group")).append(")\n")
                    .append("| ").append(h.get("group")).append("\n")
                    .append("| ").append(h.get("defaultValue") == null ? "" : h.get("defaultValue")).append("\n")
                    .append("| ").append(escape(simpleType(String.valueOf(h.get("javaType"))))).append("\n")
                    .append("| ").append(escape(String.valueOf(h.get("description")))).append("\n");
        }
        return sb.append("|===\n").toString();
    }

    private static String simpleType(String javaType) {
        return javaType.replaceAll("\\bjava\\.(lang|util|time)\\.", "").replaceAll("\\borg\\.apache\\.camel\\.[a-z.]*\\.", "")
                .replaceAll("\\bio\\.dicomfind\\.camel\\.", "");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
