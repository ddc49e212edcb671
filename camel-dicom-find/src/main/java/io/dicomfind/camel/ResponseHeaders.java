package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.KeySyntaxException;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The endpoint option {@code responseHeaders}, parsed once: response attributes, named by the same keywords, tags and
 * sequence paths as the {@code key.*} options, copied into headers of the exchange that carries the response, so
 * that a route can filter, log and forward by them without a {@code setHeader} per attribute.
 */
final class ResponseHeaders {
    /** One promoted attribute: the header it becomes and the path that finds it. */
    private record Entry(String header, QueryKey path) {
    }

    static final ResponseHeaders NONE = new ResponseHeaders(List.of());

    private final List<Entry> entries;

    private ResponseHeaders(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * @param spec   comma-separated paths, e.g. {@code PatientID,ScheduledProcedureStepSequence.Modality}
     * @param prefix put before the last keyword of each path to name its header
     * @throws IllegalArgumentException a path that is not a valid key, names a sequence or bulk data, or gives the
     *                                  same header as another, naming the option
     */
    static ResponseHeaders compile(String spec, String prefix) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        String p = prefix == null ? "" : prefix;
        Map<String, Entry> byHeader = new LinkedHashMap<>();
        for (String part : paths(spec)) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            QueryKey path;
            try {
                path = QueryKey.parse(text);
            } catch (KeySyntaxException e) {
                throw new IllegalArgumentException("dicomfind: option responseHeaders: " + e.getMessage(), e);
            }
            if (path.value() != null || text.contains("=")) {
                throw new IllegalArgumentException("dicomfind: option responseHeaders: '" + text + "' has a value;"
                        + " give attribute paths only");
            }
            VR vr = path.vr();
            if (vr == VR.SQ || vr != VR.UN && isBulk(vr)) { // UN: not in the dictionary, the response decides
                throw new IllegalArgumentException("dicomfind: option responseHeaders: '" + text + "' is "
                        + (vr == VR.SQ ? "a sequence; name an attribute inside it, e.g. " + text + ".Modality"
                                : "bulk data (VR " + vr + "), which is no header value"));
            }
            String header = p + nameOf(path.tag());
            Entry previous = byHeader.put(header, new Entry(header, path));
            if (previous != null) {
                throw new IllegalArgumentException("dicomfind: option responseHeaders: '" + previous.path() + "' and '"
                        + text + "' would both be header " + header);
            }
        }
        return new ResponseHeaders(List.copyOf(byHeader.values()));
    }

    /** Splits at the commas outside parentheses: a tag such as (0040,0100) holds one. */
    private static List<String> paths(String spec) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(spec.substring(start, i));
                start = i + 1;
            }
        }
        out.add(spec.substring(start));
        return out;
    }

    /** The keyword, or ggggeeee for an attribute without one (private elements). */
    private static String nameOf(int tag) {
        String keyword = Tag.isPrivate(tag) ? null : ElementDictionary.standard().keywordOf(tag);
        return keyword != null && !keyword.isEmpty() ? keyword : String.format("%08X", tag);
    }

    private static boolean isBulk(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The header names, in the order of the option. */
    List<String> headerNames() {
        List<String> names = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            names.add(e.header());
        }
        return names;
    }

    /**
     * Sets a header per attribute of {@code response}: its values decoded, padding removed, joined by a backslash
     * (PS3.5 6.4), as DICOM writes them; a header whose attribute is absent or empty is removed, so that no value of
     * an earlier message survives into this one.
     */
    void applyTo(Message message, Attributes response) {
        for (Entry e : entries) {
            Attributes item = response == null ? null : e.path().itemIn(response);
            VR vr = item == null ? null : item.vr(e.path().tag());
            String[] values = vr == null || vr == VR.SQ || isBulk(vr) ? null : item.getStrings(e.path().tag());
            if (values == null) {
                message.removeHeader(e.header());
            } else {
                message.setHeader(e.header(), String.join("\\", values));
            }
        }
    }
}
