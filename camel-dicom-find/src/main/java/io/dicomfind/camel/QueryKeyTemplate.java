package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.KeySyntaxException;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.VR;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.spi.Language;

/**
 * The endpoint's {@code key.*} options, parsed once: paths are checked when the endpoint starts, values holding
 * Simple expressions ({@code ${...}}) are compiled once and evaluated for every exchange or poll.
 */
final class QueryKeyTemplate {
    /**
     * One key: its findscu path, its VR and its values (String or compiled Expression); several values are joined by
     * '\'.
     */
    private record Entry(String path, VR vr, List<Object> values) {
    }

    private final List<Entry> entries;

    private QueryKeyTemplate(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * @throws IllegalArgumentException a path that is not a valid findscu key, naming the option
     */
    static QueryKeyTemplate compile(Map<String, Object> keys, CamelContext context) {
        List<Entry> entries = new ArrayList<>();
        if (keys == null) {
            return new QueryKeyTemplate(entries);
        }
        Language simple = null;
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            String path = e.getKey();
            VR vr;
            try {
                vr = ElementDictionary.standard().vrOf(QueryKey.parse(path).tag()); // fail at start-up
            } catch (KeySyntaxException ex) {
                throw new IllegalArgumentException("option key." + path + ": " + ex.getMessage(), ex);
            }
            List<Object> values = new ArrayList<>();
            Object v = e.getValue();
            Collection<?> raw = v instanceof Collection<?> c ? c : v == null ? List.of() : List.of(v);
            for (Object item : raw) {
                String s = item == null ? "" : item.toString();
                if (s.contains("${")) {
                    if (simple == null) {
                        simple = context.resolveLanguage("simple");
                    }
                    Expression expr = simple.createExpression(s);
                    expr.init(context);
                    values.add(expr);
                } else {
                    values.add(s);
                }
            }
            entries.add(new Entry(path, vr, values));
        }
        return new QueryKeyTemplate(entries);
    }

    /** Applies the keys, with expressions evaluated against {@code exchange}, in the order they were given. */
    void applyTo(Attributes identifier, Exchange exchange) {
        for (Entry e : entries) {
            StringBuilder value = new StringBuilder();
            for (Object v : e.values()) {
                if (value.length() > 0) {
                    value.append('\\'); // PS3.5 6.4: multiple values are separated by backslash
                }
                if (v instanceof Expression expr) {
                    // a header holding a LocalDate, a List or a DicomRange is formatted for the VR like a Map value
                    String s = QueryValueFormat.format("option key." + e.path(), e.vr(),
                            expr.evaluate(exchange, Object.class));
                    value.append(s == null ? "" : s);
                } else {
                    value.append(v);
                }
            }
            QueryKey.parse(e.path() + "=" + value).applyTo(identifier);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
