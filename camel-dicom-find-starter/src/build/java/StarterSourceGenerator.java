import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Writes the Spring Boot {@code @ConfigurationProperties} class and the {@code #bean:} reference converter of the
 * dicomfind starter from the component's {@code dicomfind.json}, read from the class path (the camel-dicom-find jar
 * the starter depends on), as camel-spring-boot's generator does for Camel's own starters. That generator only knows
 * {@code org.apache.camel} artifacts, so this one does the same for ours.
 *
 * <p>Run by the starter's build (exec-maven-plugin, Java's single-file source launcher, before compile) with the
 * starter's compile class path; the output is committed under {@code src/generated/java} and CI fails when a build
 * changes it. Only the stable fields of a component option are read: name, type, javaType, defaultValue,
 * description, deprecated, enum. A file is written only when its text changed.
 *
 * <p>Usage: {@code java -cp CLASSPATH StarterSourceGenerator META-INF/io/dicomfind/camel/dicomfind.json OUTDIR PACKAGE}
 */
public final class StarterSourceGenerator {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StarterSourceGenerator <json resource> <output dir> <package>");
        }
        ComponentModel model = ComponentModel.load(args[0]);
        Path dir = Path.of(args[1]).resolve(args[2].replace('.', '/'));
        Files.createDirectories(dir);
        write(dir.resolve(model.className("ComponentConfiguration") + ".java"),
                new ConfigurationSource(model, args[2]).render());
        write(dir.resolve(model.className("ComponentConverter") + ".java"),
                new ConverterSource(model, args[2]).render());
    }

    private static void write(Path file, String text) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println("[starter generator] wrote " + file);
    }

    /** The component and its options as dicomfind.json describes them. */
    record ComponentModel(String scheme, String javaType, String description, List<Option> options) {

        static ComponentModel load(String resource) throws Exception {
            InputStream in = StarterSourceGenerator.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: build camel-dicom-find first");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonObject root = (JsonObject) Jsoner.deserialize(r);
                JsonObject component = root.getMap("component");
                List<Option> options = new ArrayList<>();
                JsonObject props = root.getMap("componentProperties");
                for (Map.Entry<String, Object> e : props.entrySet()) {
                    options.add(Option.of(e.getKey(), (JsonObject) e.getValue()));
                }
                return new ComponentModel(component.getString("scheme"), component.getString("javaType"),
                        component.getString("description"), options);
            }
        }

        /** DicomFindComponent -> DicomFind + suffix. */
        String className(String suffix) {
            String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
            return simple.replaceFirst("Component$", "") + suffix;
        }
    }

    /** One component option. */
    record Option(String name, String type, String javaType, Object defaultValue, String description,
            boolean deprecated, List<String> enums) {

        @SuppressWarnings("unchecked")
        static Option of(String name, JsonObject o) {
            Object enums = o.get("enum");
            return new Option(name, o.getString("type"), o.getString("javaType"), o.get("defaultValue"),
                    o.getString("description"), Boolean.TRUE.equals(o.get("deprecated")),
                    enums == null ? List.of() : (List<String>) enums);
        }

        /** Spring binds durations itself (10s, 5m, or milliseconds), so a Camel duration becomes a Duration. */
        boolean isDuration() {
            return "duration".equals(type);
        }

        /** A bean of the registry, bound from a {@code #bean:name} reference by the converter. */
        boolean isBeanReference() {
            return "object".equals(type) && enums.isEmpty() && !javaType.startsWith("java.");
        }

        String propertyType() {
            if (isDuration()) {
                return "java.time.Duration";
            }
            return switch (javaType) {
                case "boolean" -> "java.lang.Boolean";
                case "int" -> "java.lang.Integer";
                case "long" -> "java.lang.Long";
                case "double" -> "java.lang.Double";
                case "float" -> "java.lang.Float";
                case "short" -> "java.lang.Short";
                case "byte" -> "java.lang.Byte";
                case "char" -> "java.lang.Character";
                default -> javaType;
            };
        }

        boolean isEnumType() {
            return !enums.isEmpty() && !"java.lang.String".equals(javaType);
        }

        /** The field initializer for the default value, or null. */
        String initializer(Imports imports) {
            if (defaultValue == null || "".equals(defaultValue)) {
                return null;
            }
            String value = defaultValue.toString();
            if (isDuration()) {
                // whole seconds as seconds, so that Boot's metadata shows 30s rather than 30000ms
                long ms = millis(value);
                return imports.use("java.time.Duration")
                        + (ms % 1000 == 0 ? ".ofSeconds(" + ms / 1000 + ")" : ".ofMillis(" + ms + ")");
            }
            if (isEnumType()) {
                return imports.use(javaType) + "." + value;
            }
            return switch (propertyType()) {
                case "java.lang.String" -> quote(value);
                case "java.lang.Long" -> value + "L";
                case "java.lang.Boolean", "java.lang.Integer" -> value;
                default -> null;
            };
        }

        /** Camel's duration syntax (30s, 5m, 1h, 250ms, a plain number of milliseconds) in milliseconds. */
        static long millis(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.matches("\\d+")) {
                return Long.parseLong(v);
            }
            if (v.endsWith("ms")) {
                return Long.parseLong(v.substring(0, v.length() - 2));
            }
            return Duration.parse(v.endsWith("d") ? "P" + v : "PT" + v).toMillis();
        }

        String javadoc() {
            String d = description == null ? "" : description;
            if (isBeanReference()) {
                d = d + (d.endsWith(".") ? "" : ".") + " The option is a " + javaType
                        + " type: a #bean:name reference to a bean of the application context.";
            }
            if (isDuration()) {
                d = d + (d.endsWith(".") ? "" : ".") + " A duration such as 30s or 5m, or milliseconds.";
            }
            return d;
        }
    }

    /** Simple names for imported types; a name already taken by another type stays fully qualified. */
    static final class Imports {
        private final String ownPackage;
        private final TreeSet<String> imports = new TreeSet<>();
        private final Map<String, String> bySimpleName = new java.util.HashMap<>();

        Imports(String ownPackage) {
            this.ownPackage = ownPackage;
        }

        String use(String type) {
            int generic = type.indexOf('<');
            if (generic >= 0) {
                StringBuilder sb = new StringBuilder(use(type.substring(0, generic))).append('<');
                String[] args = type.substring(generic + 1, type.lastIndexOf('>')).split(",");
                for (int i = 0; i < args.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(use(args[i].trim()));
                }
                return sb.append('>').toString();
            }
            String simple = type.substring(type.lastIndexOf('.') + 1);
            String pkg = type.lastIndexOf('.') < 0 ? "" : type.substring(0, type.lastIndexOf('.'));
            String owner = bySimpleName.putIfAbsent(simple, type);
            if (owner != null && !owner.equals(type)) {
                return type;
            }
            if (!pkg.equals("java.lang") && !pkg.equals(ownPackage) && !pkg.isEmpty()) {
                imports.add(type);
            }
            return simple;
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            for (String i : imports) {
                sb.append("import ").append(i).append(";\n");
            }
            return sb.toString();
        }
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Text as a javadoc comment at the given indentation, wrapped at 110 columns. */
    static String comment(String text, String indent) {
        String safe = text.replace("*/", "*&#47;").replace("@", "{@literal @}");
        StringBuilder sb = new StringBuilder(indent).append("/**\n");
        StringBuilder line = new StringBuilder();
        for (String word : safe.split("\\s+")) {
            if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > 110) {
                sb.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            sb.append(indent).append(" * ").append(line).append('\n');
        }
        return sb.append(indent).append(" */\n").toString();
    }

    static final String GENERATED = "Generated by the starter's build (src/build/java/StarterSourceGenerator.java) from "
            + "dicomfind.json: do not edit this file.";

    /** {@code @ConfigurationProperties("camel.component.<scheme>")}: one property per component option. */
    record ConfigurationSource(ComponentModel model, String pkg) {
        String render() {
            Imports imports = new Imports(pkg);
            imports.use("org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon");
            imports.use("org.springframework.boot.context.properties.ConfigurationProperties");
            String name = model.className("ComponentConfiguration");
            StringBuilder fields = new StringBuilder();
            StringBuilder accessors = new StringBuilder();
            // a field without accessors, as Camel's starters have: Boot's metadata then documents the flag that
            // ComponentConfigurationPropertiesCommon reads
            fields.append(comment("Whether to enable auto configuration of the " + model.scheme()
                    + " component. This is enabled by default.", "    "));
            fields.append("    private Boolean enabled;\n");
            for (Option o : model.options()) {
                String type = imports.use(o.propertyType());
                String init = o.initializer(imports);
                fields.append(comment(o.javadoc(), "    "));
                if (o.deprecated()) {
                    fields.append("    @Deprecated\n");
                }
                fields.append("    private ").append(type).append(' ').append(o.name())
                        .append(init == null ? "" : " = " + init).append(";\n");
                String deprecated = o.deprecated()
                        ? "    @Deprecated\n    @" + imports.use(
                                "org.springframework.boot.context.properties.DeprecatedConfigurationProperty") + "\n"
                        : "";
                accessors.append('\n').append(deprecated)
                        .append("    public ").append(type).append(" get").append(capitalize(o.name()))
                        .append("() {\n        return ").append(o.name()).append(";\n    }\n");
                accessors.append('\n').append(o.deprecated() ? "    @Deprecated\n" : "")
                        .append("    public void set").append(capitalize(o.name())).append('(').append(type)
                        .append(' ').append(o.name()).append(") {\n        this.").append(o.name()).append(" = ")
                        .append(o.name()).append(";\n    }\n");
            }
            String prefix = "camel.component." + model.scheme().toLowerCase(Locale.ROOT);
            return "package " + pkg + ";\n\n" + imports.render() + "\n"
                    + comment(model.description() + " " + GENERATED, "")
                    + "@ConfigurationProperties(prefix = " + quote(prefix) + ")\n"
                    + "public class " + name + " extends ComponentConfigurationPropertiesCommon {\n\n"
                    + fields + accessors + "}\n";
        }
    }

    /**
     * {@code @ConfigurationPropertiesBinding} converter: a {@code #bean:name} (or {@code #name}) property value of an
     * object option becomes that bean of the application context, as in Camel's starters.
     */
    record ConverterSource(ComponentModel model, String pkg) {
        String render() {
            Imports imports = new Imports(pkg);
            for (String t : List.of("java.util.LinkedHashSet", "java.util.Set",
                    "org.springframework.boot.context.properties.ConfigurationPropertiesBinding",
                    "org.springframework.context.ApplicationContext",
                    "org.springframework.context.annotation.Configuration",
                    "org.springframework.core.convert.TypeDescriptor",
                    "org.springframework.core.convert.converter.GenericConverter")) {
                imports.use(t);
            }
            List<Option> refs = model.options().stream().filter(Option::isBeanReference).toList();
            StringBuilder pairs = new StringBuilder();
            StringBuilder cases = new StringBuilder();
            for (Option o : refs) {
                String type = imports.use(o.javaType());
                pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(type)
                        .append(".class));\n");
                cases.append("            case ").append(quote(o.javaType())).append(" -> applicationContext.getBean(ref, ")
                        .append(type).append(".class);\n");
            }
            String name = model.className("ComponentConverter");
            return "package " + pkg + ";\n\n" + imports.render() + "\n"
                    + comment("Binds #bean:name references of the " + model.scheme()
                            + " component options to beans of the application context. " + GENERATED, "")
                    + "@Configuration(proxyBeanMethods = false)\n"
                    + "@ConfigurationPropertiesBinding\n"
                    + "public class " + name + " implements GenericConverter {\n\n"
                    + "    private final ApplicationContext applicationContext;\n\n"
                    + "    public " + name + "(ApplicationContext applicationContext) {\n"
                    + "        this.applicationContext = applicationContext;\n"
                    + "    }\n\n"
                    + "    @Override\n"
                    + "    public Set<ConvertiblePair> getConvertibleTypes() {\n"
                    + "        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n"
                    + pairs
                    + "        return answer;\n"
                    + "    }\n\n"
                    + "    @Override\n"
                    + "    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n"
                    + "        if (source == null) {\n"
                    + "            return null;\n"
                    + "        }\n"
                    + "        String ref = source.toString();\n"
                    + "        if (!ref.startsWith(\"#\")) {\n"
                    + "            return null;\n"
                    + "        }\n"
                    + "        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n"
                    + "        return switch (targetType.getName()) {\n"
                    + cases
                    + "            default -> null;\n"
                    + "        };\n"
                    + "    }\n"
                    + "}\n";
        }
    }
}
