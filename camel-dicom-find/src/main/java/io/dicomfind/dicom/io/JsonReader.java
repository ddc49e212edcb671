package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the DICOM JSON Model of PS3.18 F.2 - one object, or an array of objects (F.2.1) - into {@link Attributes},
 * with its own small JSON parser (RFC 8259) and no dependencies.
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
        Parser p = new Parser(in, limits);
        Node root = p.value(0);
        p.end();
        List<Attributes> out = new ArrayList<>();
        if (root.value instanceof Map) {
            out.add(dataSet(root, new Attributes(), 0));
        } else if (root.value instanceof List<?> list) {
            for (Object o : list) {
                Node n = (Node) o;
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
    private Attributes dataSet(Node obj, Attributes ds, int depth) throws DicomJsonException {
        if (depth > limits.maxDepth()) {
            throw obj.error("sequences nested deeper than " + limits.maxDepth() + " levels");
        }
        for (Map.Entry<String, Node> e : ((Map<String, Node>) obj.value).entrySet()) {
            Node attr = e.getValue();
            int tag = parseTag(e.getKey(), attr);
            if (ds.contains(tag)) {
                throw attr.error("attribute " + Tag.toString(tag) + " appears twice");
            }
            attribute(tag, attr, ds, depth);
        }
        return ds;
    }

    private static int parseTag(String key, Node at) throws DicomJsonException {
        if (key.length() != 8) {
            throw at.error("'" + key + "' is not a tag: 8 hexadecimal digits expected (PS3.18 F.2.2)");
        }
        int v = 0;
        for (int k = 0; k < 8; k++) {
            int d = Character.digit(key.charAt(k), 16);
            if (d < 0 || key.charAt(k) > 127) {
                throw at.error("'" + key + "' is not a tag: 8 hexadecimal digits expected (PS3.18 F.2.2)");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private void attribute(int tag, Node attr, Attributes ds, int depth) throws DicomJsonException {
        String t = Tag.toString(tag);
        if (!(attr.value instanceof Map)) {
            throw attr.error(t + ": expected an attribute object, found " + attr.kind());
        }
        Map<String, Node> members = (Map<String, Node>) attr.value;
        Node vrNode = members.get("vr");
        if (vrNode == null) {
            throw attr.error(t + ": member \"vr\" is missing");
        }
        if (!(vrNode.value instanceof String vrName) || VR.ofName(vrName) == null) {
            throw vrNode.error(t + ": \"vr\" must be a VR name such as \"PN\", found " + vrNode.describe());
        }
        VR vr = VR.ofName(vrName);
        Node value = null;
        Node inline = null;
        for (Map.Entry<String, Node> m : members.entrySet()) {
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
            ds.set(tag, vr, inlineBinary(t, vr, inline));
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
        List<Node> values = (List<Node>) value.value;
        switch (vr) {
            case SQ -> {
                Sequence seq = ds.newSequence(tag);
                for (Node item : values) {
                    if (!(item.value instanceof Map)) {
                        throw item.error(t + ": a sequence item must be an object, found " + item.kind());
                    }
                    dataSet(item, seq.addItem(), depth + 1);
                }
            }
            case OB, OD, OF, OL, OV, OW, UN -> throw value.error(t + ": VR " + vr
                    + " takes \"InlineBinary\", not \"Value\" (PS3.18 F.2.7)");
            case US, SS, UL, SL, SV, UV, FL, FD -> ds.set(tag, vr, numbers(t, vr, values));
            case AT -> ds.set(tag, vr, tags(t, values));
            default -> ds.set(tag, vr, text(t, vr, values));
        }
    }

    private static byte[] inlineBinary(String t, VR vr, Node inline) throws DicomJsonException {
        switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> { }
            default -> throw inline.error(t + ": \"InlineBinary\" is only for OB, OD, OF, OL, OV, OW and UN, not "
                    + vr + " (PS3.18 F.2.7)");
        }
        if (!(inline.value instanceof String s)) {
            throw inline.error(t + ": \"InlineBinary\" must be a base64 string, found " + inline.kind());
        }
        byte[] b;
        try {
            b = Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw inline.error(t + ": \"InlineBinary\" is not valid base64: " + e.getMessage());
        }
        if (b.length % vr.unit() != 0) {
            throw inline.error(t + ": " + b.length + " bytes of InlineBinary is not a whole number of " + vr.unit()
                    + "-byte " + vr + " values");
        }
        return b;
    }

    /** Text VRs: the values joined with backslash (PS3.5 6.4); null stands for an empty value (F.2.5). */
    private static String text(String t, VR vr, List<Node> values) throws DicomJsonException {
        if (vr.isSingleValuedText() && values.size() > 1) {
            throw values.get(1).error(t + ": VR " + vr + " has a single value, found " + values.size());
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < values.size(); k++) {
            Node n = values.get(k);
            if (k > 0) {
                sb.append('\\');
            }
            String s;
            if (n.value == null) {
                s = "";
            } else if (vr == VR.PN) {
                s = personName(t, n);
            } else if (n.value instanceof String str) {
                s = str;
            } else if (n.value instanceof JsonNumber num && (vr == VR.IS || vr == VR.DS)) {
                s = vr == VR.IS ? integerString(t, n, num) : num.text;
            } else {
                throw n.error(t + ": a " + vr + " value must be a string" + (vr == VR.IS || vr == VR.DS
                        ? " or a number" : "") + ", found " + n.kind());
            }
            if (vr == VR.IS && n.value instanceof String str && !str.isBlank()) {
                try {
                    new BigInteger(str.trim().startsWith("+") ? str.trim().substring(1) : str.trim());
                } catch (NumberFormatException e) {
                    throw n.error(t + ": '" + str + "' is not an integer string (IS)");
                }
            }
            if (!vr.isSingleValuedText() && s.indexOf('\\') >= 0) {
                throw n.error(t + ": value '" + s + "' contains a backslash, the value delimiter of " + vr
                        + " (PS3.18 F.2.4)");
            }
            sb.append(s);
        }
        return sb.toString();
    }

    private static String integerString(String t, Node n, JsonNumber num) throws DicomJsonException {
        try {
            return new BigDecimal(num.text).toBigIntegerExact().toString();
        } catch (ArithmeticException e) {
            throw n.error(t + ": " + num.text + " is not an integer, as IS requires");
        }
    }

    private static String personName(String t, Node n) throws DicomJsonException {
        if (!(n.value instanceof Map<?, ?> groups)) {
            throw n.error(t + ": a PN value must be an object with Alphabetic, Ideographic, Phonetic, found "
                    + n.kind());
        }
        String[] parts = new String[3];
        for (Map.Entry<?, ?> g : groups.entrySet()) {
            Node gv = (Node) g.getValue();
            int idx = switch ((String) g.getKey()) {
                case "Alphabetic" -> 0;
                case "Ideographic" -> 1;
                case "Phonetic" -> 2;
                default -> throw gv.error(t + ": unknown person name group \"" + g.getKey()
                        + "\" (expected Alphabetic, Ideographic, Phonetic)");
            };
            if (gv.value != null && !(gv.value instanceof String)) {
                throw gv.error(t + ": person name group \"" + g.getKey() + "\" must be a string, found "
                        + gv.kind());
            }
            String s = (String) gv.value;
            if (s != null && s.indexOf('=') >= 0) {
                throw gv.error(t + ": person name group contains '=', the group delimiter");
            }
            parts[idx] = s;
        }
        int last = parts[2] != null && !parts[2].isEmpty() ? 2 : parts[1] != null && !parts[1].isEmpty() ? 1 : 0;
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g <= last; g++) {
            if (g > 0) {
                sb.append('=');
            }
            if (parts[g] != null) {
                sb.append(parts[g]);
            }
        }
        return sb.toString();
    }

    private static byte[] tags(String t, List<Node> values) throws DicomJsonException {
        byte[] b = new byte[values.size() * 4];
        for (int k = 0; k < values.size(); k++) {
            Node n = values.get(k);
            if (!(n.value instanceof String s)) {
                throw n.error(t + ": an AT value must be a string of 8 hex digits, found " + n.kind());
            }
            int tag = parseTag(s, n);
            ByteOrder.putShortLE(b, 4 * k, tag >>> 16);
            ByteOrder.putShortLE(b, 4 * k + 2, tag);
        }
        return b;
    }

    private static byte[] numbers(String t, VR vr, List<Node> values) throws DicomJsonException {
        int unit = vr.unit();
        byte[] b = new byte[values.size() * unit];
        for (int k = 0; k < values.size(); k++) {
            Node n = values.get(k);
            String text;
            if (n.value instanceof JsonNumber num) {
                text = num.text;
            } else if (n.value instanceof String s && (vr == VR.SV || vr == VR.UV || vr == VR.FL || vr == VR.FD)) {
                text = s.trim(); // F.2.3 note: SV/UV may be strings; NaN/Infinity only as strings
            } else {
                throw n.error(t + ": a " + vr + " value must be a number, found " + n.kind());
            }
            int off = k * unit;
            try {
                switch (vr) {
                    case FL -> ByteOrder.putIntLE(b, off, Float.floatToIntBits(Float.parseFloat(text)));
                    case FD -> {
                        long bits = Double.doubleToLongBits(Double.parseDouble(text));
                        ByteOrder.putIntLE(b, off, (int) bits);
                        ByteOrder.putIntLE(b, off + 4, (int) (bits >>> 32));
                    }
                    default -> {
                        BigInteger v = new BigDecimal(text).toBigIntegerExact();
                        BigInteger[] range = range(vr);
                        if (v.compareTo(range[0]) < 0 || v.compareTo(range[1]) > 0) {
                            throw n.error(t + ": " + text + " is out of range for " + vr + " (" + range[0] + ".."
                                    + range[1] + ")");
                        }
                        long l = v.longValue();
                        for (int x = 0; x < unit; x++) {
                            b[off + x] = (byte) (l >>> (8 * x));
                        }
                    }
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw n.error(t + ": '" + text + "' is not a valid " + vr + " value");
            }
        }
        return b;
    }

    private static BigInteger[] range(VR vr) {
        return switch (vr) {
            case US -> new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(0xFFFF)};
            case SS -> new BigInteger[] {BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE)};
            case UL -> new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(0xFFFFFFFFL)};
            case SL -> new BigInteger[] {BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)};
            case SV -> new BigInteger[] {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)};
            default -> new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
        };
    }

    // ---- the JSON parser (RFC 8259) ----

    /** The text of a JSON number, kept so that IS and DS values keep their digits. */
    private record JsonNumber(String text) {
    }

    /** A parsed JSON value with where it began; value is Map, List, String, JsonNumber, Boolean or null. */
    private static final class Node {
        final Object value;
        final int line;
        final int column;

        Node(Object value, int line, int column) {
            this.value = value;
            this.line = line;
            this.column = column;
        }

        DicomJsonException error(String message) {
            return new DicomJsonException(message, line, column);
        }

        String kind() {
            return value == null ? "null" : value instanceof Map ? "an object" : value instanceof List ? "an array"
                    : value instanceof String ? "a string" : value instanceof JsonNumber ? "a number" : "a boolean";
        }

        String describe() {
            return value instanceof String s ? "\"" + s + "\"" : kind();
        }
    }

    private static final class Parser {
        private final Reader in;
        private final int maxNesting;
        private final int maxString;
        private int line = 1;
        private int column;
        private int peeked = -2;

        Parser(Reader in, DecodeLimits limits) {
            this.in = in;
            // A data set level costs up to 4 JSON levels: object, attribute, Value array, item object.
            this.maxNesting = 4 * limits.maxDepth() + 4;
            this.maxString = limits.maxElementLength();
        }

        private int peek() throws IOException {
            if (peeked == -2) {
                peeked = in.read();
            }
            return peeked;
        }

        private int next() throws IOException {
            int c = peek();
            peeked = -2;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c >= 0) {
                column++;
            }
            return c;
        }

        private DicomJsonException error(String message) {
            return new DicomJsonException(message, line, column + 1);
        }

        private void skipWhitespace() throws IOException {
            int c;
            while ((c = peek()) == ' ' || c == '\t' || c == '\n' || c == '\r') {
                next();
            }
        }

        void end() throws IOException {
            skipWhitespace();
            if (peek() >= 0) {
                throw error("unexpected " + describe(peek()) + " after the end of the JSON value");
            }
        }

        Node value(int nesting) throws IOException {
            skipWhitespace();
            int l = line;
            int col = column + 1;
            int c = peek();
            if (c < 0) {
                throw error("unexpected end of input, expected a value");
            }
            if (c == '{' || c == '[') {
                if (nesting >= maxNesting) {
                    throw error("JSON nested deeper than " + maxNesting + " levels");
                }
                return c == '{' ? new Node(object(nesting + 1), l, col) : new Node(array(nesting + 1), l, col);
            }
            if (c == '"') {
                return new Node(string(), l, col);
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return new Node(number(), l, col);
            }
            if (c == 't' || c == 'f' || c == 'n') {
                String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
                for (int k = 0; k < word.length(); k++) {
                    if (next() != word.charAt(k)) {
                        throw new DicomJsonException("invalid literal, expected " + word, l, col);
                    }
                }
                return new Node(c == 'n' ? null : Boolean.valueOf(c == 't'), l, col);
            }
            throw error("unexpected " + describe(c) + ", expected a value");
        }

        private Map<String, Node> object(int nesting) throws IOException {
            next(); // {
            Map<String, Node> members = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                next();
                return members;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("unexpected " + describe(peek()) + ", expected a member name in quotes");
                }
                int l = line;
                int col = column + 1;
                String name = string();
                skipWhitespace();
                if (next() != ':') {
                    throw error("expected ':' after member name \"" + name + "\"");
                }
                Node v = value(nesting);
                if (members.put(name, v) != null) {
                    throw new DicomJsonException("duplicate member \"" + name + "\"", l, col);
                }
                skipWhitespace();
                int c = next();
                if (c == '}') {
                    return members;
                }
                if (c != ',') {
                    throw error("unexpected " + describe(c) + ", expected ',' or '}'");
                }
            }
        }

        private List<Node> array(int nesting) throws IOException {
            next(); // [
            List<Node> items = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                next();
                return items;
            }
            while (true) {
                items.add(value(nesting));
                skipWhitespace();
                int c = next();
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    throw error("unexpected " + describe(c) + ", expected ',' or ']'");
                }
            }
        }

        private String string() throws IOException {
            next(); // "
            StringBuilder sb = new StringBuilder();
            while (true) {
                int c = next();
                if (c < 0) {
                    throw error("unterminated string");
                }
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character U+" + String.format("%04X", c) + " in a string must be escaped");
                }
                if (sb.length() >= maxString) {
                    throw error("string longer than " + maxString + " characters");
                }
                if (c != '\\') {
                    sb.append((char) c);
                    continue;
                }
                int e = next();
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int v = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(next(), 16);
                            if (d < 0) {
                                throw error("invalid \\u escape: 4 hex digits expected");
                            }
                            v = (v << 4) | d;
                        }
                        sb.append((char) v);
                    }
                    default -> throw error("invalid escape \\" + (e < 0 ? "" : String.valueOf((char) e)));
                }
            }
        }

        private JsonNumber number() throws IOException {
            StringBuilder sb = new StringBuilder();
            if (peek() == '-') {
                sb.append((char) next());
            }
            if (peek() == '0') {
                sb.append((char) next());
            } else if (peek() >= '1' && peek() <= '9') {
                digits(sb);
            } else {
                throw error("invalid number: digit expected after '-'");
            }
            if (peek() == '.') {
                sb.append((char) next());
                if (!(peek() >= '0' && peek() <= '9')) {
                    throw error("invalid number: digit expected after '.'");
                }
                digits(sb);
            }
            if (peek() == 'e' || peek() == 'E') {
                sb.append((char) next());
                if (peek() == '+' || peek() == '-') {
                    sb.append((char) next());
                }
                if (!(peek() >= '0' && peek() <= '9')) {
                    throw error("invalid number: digit expected in exponent");
                }
                digits(sb);
            }
            int c = peek();
            if ((c >= '0' && c <= '9') || Character.isLetter(c) || c == '.') {
                throw error("invalid number: unexpected " + describe(c));
            }
            return new JsonNumber(sb.toString());
        }

        private void digits(StringBuilder sb) throws IOException {
            while (peek() >= '0' && peek() <= '9') {
                if (sb.length() > 400) {
                    throw error("number longer than 400 characters");
                }
                sb.append((char) next());
            }
        }

        private static String describe(int c) {
            if (c < 0) {
                return "end of input";
            }
            return c < 0x20 ? "character U+" + String.format("%04X", c) : "'" + (char) c + "'";
        }
    }
}
