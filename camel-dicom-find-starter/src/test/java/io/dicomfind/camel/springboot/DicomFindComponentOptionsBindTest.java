package io.dicomfind.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomFindComponent;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every component option of dicomfind.json, set as {@code camel.component.dicomfind.<kebab-case-name>} in a Boot
 * context of its own, reaches the component: read back through the component's own configurer, it is the value
 * set, not the default. The options come from the component's metadata, so an option added to the component is
 * tested here without a change, and one the generated configuration class lacks fails.
 */
class DicomFindComponentOptionsBindTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, DicomFindComponentConverter.class,
                    DicomFindComponentAutoConfiguration.class));

    @TestFactory
    Stream<DynamicTest> everyComponentOptionBinds() throws Exception {
        List<OptionCase> cases = new ArrayList<>();
        for (Map.Entry<String, Object> e : componentOptions().entrySet()) {
            cases.add(OptionCase.of(e.getKey(), (JsonObject) e.getValue()));
        }
        assertTrue(cases.size() >= 30, "options in dicomfind.json: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.property(), () -> assertBinds(c)));
    }

    @Test
    void relaxedBindingAcceptsEveryFormOfAName() {
        runner.withPropertyValues("camel.component.dicomfind.callingAet=CAMEL_FORM",
                "camel.component.dicomfind.socket_timeout=2m").run(ctx -> {
                    DicomFindComponent c = component(ctx.getBean(CamelContext.class));
                    assertEquals("CAMEL_FORM", c.getConfiguration().getCallingAet());
                    assertEquals(120_000L, c.getConfiguration().getSocketTimeout());
                });
    }

    @Test
    void mapKeysInBracketsKeepTheirFindscuSpelling() {
        runner.withPropertyValues("camel.component.dicomfind.keys[(0040,0100)[0].Modality]=CT",
                "camel.component.dicomfind.keys[ScheduledProcedureStepSequence.ScheduledStationAETitle]=CT01",
                "camel.component.dicomfind.keys[PatientName]=").run(ctx -> {
                    DicomFindComponent c = component(ctx.getBean(CamelContext.class));
                    assertEquals(Map.of("(0040,0100)[0].Modality", "CT",
                            "ScheduledProcedureStepSequence.ScheduledStationAETitle", "CT01", "PatientName", ""),
                            c.getConfiguration().getKeys());
                });
    }

    @Test
    void disabledCustomizerLeavesTheComponentAtItsDefaults() {
        runner.withPropertyValues("camel.component.dicomfind.calling-aet=IGNORED",
                "camel.component.dicomfind.customizer.enabled=false").run(ctx -> {
                    DicomFindComponent c = component(ctx.getBean(CamelContext.class));
                    assertEquals("FINDSCU", c.getConfiguration().getCallingAet());
                });
    }

    private void assertBinds(OptionCase c) {
        ApplicationContextRunner r = runner.withPropertyValues(c.property() + "=" + c.propertyValue());
        if (c.bean() != null) {
            r = r.withBean(c.beanName(), Object.class, c::bean);
        }
        r.run(ctx -> {
            if (ctx.getStartupFailure() != null) {
                throw new AssertionError(c.property() + "=" + c.propertyValue() + " fails the context",
                        ctx.getStartupFailure());
            }
            DicomFindComponent component = component(ctx.getBean(CamelContext.class));
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            Object actual = getter.getOptionValue(component, c.name(), false);
            if (c.bean() != null) {
                assertSame(c.bean(), actual, c.property());
            } else {
                assertEquals(c.expected(), actual, c.property());
                assertNotEquals(c.defaultValue(), actual, c.property() + " still has its default");
            }
        });
    }

    private static DicomFindComponent component(CamelContext camel) {
        return camel.getComponent("dicomfind", DicomFindComponent.class);
    }

    private static JsonObject componentOptions() throws Exception {
        try (Reader r = new InputStreamReader(DicomFindComponent.class.getClassLoader()
                .getResourceAsStream("META-INF/io/dicomfind/camel/dicomfind.json"), StandardCharsets.UTF_8)) {
            return ((JsonObject) Jsoner.deserialize(r)).getMap("componentProperties");
        }
    }

    /**
     * One option: the property to set (with a map key in brackets for a map option), a value other than its default
     * as a property string, and what the component must then hold (a bean reference: that very bean).
     */
    record OptionCase(String name, String mapKey, String propertyValue, Object expected, Object defaultValue,
            String beanName, Object bean) {

        static OptionCase value(String name, String propertyValue, Object expected, Object defaultValue) {
            return new OptionCase(name, null, propertyValue, expected, defaultValue, null, null);
        }

        String property() {
            String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            return "camel.component.dicomfind." + kebab + (mapKey == null ? "" : "[" + mapKey + "]");
        }

        static OptionCase of(String name, JsonObject o) throws Exception {
            String type = o.getString("type");
            String javaType = o.getString("javaType");
            Object def = o.get("defaultValue");
            @SuppressWarnings("unchecked")
            List<String> enums = (List<String>) o.get("enum");
            if (enums != null && !enums.isEmpty()) {
                String v = enums.stream().filter(e -> !e.equals(def)).findFirst().orElseThrow();
                if ("java.lang.String".equals(javaType)) {
                    return value(name, v, v, def);
                }
                // a Java enum: Boot's relaxed binding takes the constant in lower case too
                return value(name, v.toLowerCase(Locale.ROOT), constant(javaType, v),
                        def == null ? null : constant(javaType, def.toString()));
            }
            switch (type) {
                case "boolean": {
                    boolean d = Boolean.TRUE.equals(def);
                    return value(name, Boolean.toString(!d), !d, d);
                }
                case "integer": {
                    int d = def == null ? 0 : ((Number) def).intValue();
                    int v = d > 1 ? d - 1 : 7;
                    return value(name, Integer.toString(v), v, def == null ? null : d);
                }
                case "duration":
                    // Boot's duration syntax; the component holds milliseconds
                    return value(name, "7s", 7000L, def);
                case "string":
                    return value(name, "BOUND_" + name.length(), "BOUND_" + name.length(), def);
                case "object":
                    if (javaType.startsWith("java.util.Map")) {
                        // bracket notation keeps the key as written, as for any Boot map
                        return new OptionCase(name, "PatientName", "DOE^JOHN", Map.of("PatientName", "DOE^JOHN"),
                                null, null, null);
                    }
                    return new OptionCase(name, null, "#bean:bound-" + name, null, null, "bound-" + name,
                            instance(Class.forName(javaType)));
                default:
                    throw new AssertionError("no test value for option " + name + " of type " + type);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object constant(String enumType, String name) throws ClassNotFoundException {
            return Enum.valueOf((Class) Class.forName(enumType), name);
        }

        private static Object instance(Class<?> type) throws Exception {
            if (type.isInterface()) {
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
                    // a bean that does nothing: toString for messages, lifecycle calls (close, start) ignored
                    if (m.getName().equals("toString")) {
                        return "test " + type.getSimpleName();
                    }
                    if (m.getReturnType() == void.class) {
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
            }
            return type.getDeclaredConstructor().newInstance();
        }
    }
}
