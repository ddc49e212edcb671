package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the DICOM JSON Model of PS3.18 F.2 - one object, or an array of objects (F.2.1) - into {@link Attributes},
 * with its own small JSON parser (RFC 8259, {@link JsonParser}) and no dependencies. This class maps the JSON tree
 * to data sets, sequences and attributes (F.2.1, F.2.2); {@link JsonValueConversions} turns the values of each VR
 * (F.2.3 - F.2.7) into their DICOM form.
 *
 * <p>Strict: malformed JSON, an unknown VR, a member other than {@code vr}, {@code Value}, {@code InlineBinary},
 * a value of the wrong JSON type for the VR, a number out of range, a backslash inside a value of a multi-valued
 * VR, or a duplicate tag fail with a {@link DicomJsonException} naming line, column and tag. Bounded: nesting deeper
 * than {@link DecodeLimits#maxDepth()} sequences and strings longer than {@link DecodeLimits#maxElementLength()}
 * characters are refused. {@code BulkDataURI} (F.2.6) is refused with a message saying so, as this reader cannot
 * fetch bulk data; {@link #skipBulkData(boolean)} drops such attributes instead.
 *
 * <p>Lenient where the standard allows alternatives: IS, DS, SV and UV as numbers or strings (note to Table
 * F.2.3-1); tags in upper or lower case hex; attributes in any order.
 */
public final class JsonReader {
    private final DecodeLimits limits;
    private boolean skipBulkData;

    public JsonReader() {
        this(DecodeLimits.DEFAULT);
    }

    public JsonReader(DecodeLimits limits) {
        this.limits = limits;
    }

    /** true: drop attributes given by {@code BulkDataURI}; false (default): fail on them. */
    public JsonReader skipBulkData(boolean b) {
        this.skipBulkData = b;
        return this;
    }

    /** Malformed or unsupported DICOM JSON: the message names line and column (1-based) and the tag if known. */
    public static final class DicomJsonException extends DicomEncodingException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        DicomJsonException(String message, int line, int column) {
            super("DICOM JSON line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Reads one data set: the text must be one object, or an array holding exactly one object. */
    public Attributes readDataSet(Reader in) throws IOException {
        List<Attributes> all = readDataSets(in);
        if (all.size() != 1) {
            throw new DicomJsonException("expected one data set, found " + all.size(), 1, 1);
        }
        return all.get(0);
    }

    public Attributes readDataSet(String json) throws IOException {
        return readDataSet(new StringReader(json));
    }

    /** Reads an object (one data set) or an array of objects (F.2.1 multiple results). */
    public List<Attributes> readDataSets(Reader in) throws IOException {
        // A data set level costs up to 4 JSON levels: object, attribute, Value array, item object.
        JsonValue root = JsonParser.parse(in, 4 * limits.maxDepth() + 4, limits.maxElementLength());
        List<Attributes> out = new ArrayList<>();
        if (root.value instanceof Map) {
            out.add(dataSet(root, new Attributes(), 0));
        } else if (root.value instanceof List<?> list) {
            for (Object o : list) {
                JsonValue n = (JsonValue) o;
                if (!(n.value instanceof Map)) {
                    throw n.error("expected a data set object in the top-level array, found " + n.kind());
                }
                out.add(dataSet(n, new Attributes(), 0));
            }
        } else {
            throw root.error("expected a data set object or an array of them, found " + root.kind());
        }
        return out;
    }

    public List<Attributes> readDataSets(String json) throws IOException {
        return readDataSets(new StringReader(json));
    }

    // ---- JSON tree to Attributes ----

    @SuppressWarnings("unchecked")
    private Attributes dataSet(JsonValue obj, Attributes ds, int depth) throws DicomJsonException {
        if (depth > limits.maxDepth()) {
            throw obj.error("sequences nested deeper than " + limits.maxDepth() + " levels");
        }
        for (Map.Entry<String, JsonValue> e : ((Map<String, JsonValue>) obj.value).entrySet()) {
            JsonValue attr = e.getValue();
            int tag = JsonValueConversions.parseTag(e.getKey(), attr);
            if (ds.contains(tag)) {
                throw attr.error("attribute " + Tag.toString(tag) + " appears twice");
            }
            attribute(tag, attr, ds, depth);
        }
        return ds;
    }

    @SuppressWarnings("unchecked")
    private void attribute(int tag, JsonValue attr, Attributes ds, int depth) throws DicomJsonException {
        String t = Tag.toString(tag);
        if (!(attr.value instanceof Map)) {
            throw attr.error(t + ": expected an attribute object, found " + attr.kind());
        }
        Map<String, JsonValue> members = (Map<String, JsonValue>) attr.value;
        JsonValue vrMember = members.get("vr");
        if (vrMember == null) {
            throw attr.error(t + ": member \"vr\" is missing");
        }
        if (!(vrMember.value instanceof String vrName) || VR.ofName(vrName) == null) {
            throw vrMember.error(t + ": \"vr\" must be a VR name such as \"PN\", found " + vrMember.describe());
        }
        VR vr = VR.ofName(vrName);
        JsonValue value = null;
        JsonValue inline = null;
        for (Map.Entry<String, JsonValue> m : members.entrySet()) {
            switch (m.getKey()) {
                case "vr" -> { }
                case "Value" -> value = m.getValue();
                case "InlineBinary" -> inline = m.getValue();
                case "BulkDataURI" -> {
                    if (skipBulkData) {
                        return;
                    }
                    throw m.getValue().error(t + ": BulkDataURI is not supported (PS3.18 F.2.6); the value must be"
                            + " given inline as \"Value\" or \"InlineBinary\"");
                }
                default -> throw m.getValue().error(t + ": unknown member \"" + m.getKey()
                        + "\" (expected vr, Value, InlineBinary)");
            }
        }
        if (value != null && inline != null) {
            throw inline.error(t + ": both \"Value\" and \"InlineBinary\" given");
        }
        if (inline != null) {
            ds.set(tag, vr, JsonValueConversions.inlineBinary(t, vr, inline));
            return;
        }
        if (value == null) {
            if (vr == VR.SQ) {
                ds.newSequence(tag);
            } else {
                ds.setNull(tag, vr);
            }
            return;
        }
        if (!(value.value instanceof List)) {
            throw value.error(t + ": \"Value\" must be an array, found " + value.kind());
        }
        List<JsonValue> values = (List<JsonValue>) value.value;
        switch (vr) {
            case SQ -> {
                Sequence seq = ds.newSequence(tag);
                for (JsonValue item : values) {
                    if (!(item.value instanceof Map)) {
                        throw item.error(t + ": a sequence item must be an object, found " + item.kind());
                    }
                    dataSet(item, seq.addItem(), depth + 1);
                }
            }
            case OB, OD, OF, OL, OV, OW, UN -> throw value.error(t + ": VR " + vr
                    + " takes \"InlineBinary\", not \"Value\" (PS3.18 F.2.7)");
            case US, SS, UL, SL, SV, UV, FL, FD -> ds.set(tag, vr, JsonValueConversions.numbers(t, vr, values));
            case AT -> ds.set(tag, vr, JsonValueConversions.tags(t, values));
            default -> ds.set(tag, vr, JsonValueConversions.text(t, vr, values));
        }
    }
}
