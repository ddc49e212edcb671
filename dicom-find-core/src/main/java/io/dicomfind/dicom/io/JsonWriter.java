package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes data sets in the DICOM JSON Model of PS3.18 Annex F.2, streaming to a {@link Writer} (no tree is built):
 * one data set as one JSON object ({@link #writeDataSet}), or several as a top-level array
 * ({@link #startArray()}, {@link #writeDataSet} per data set, {@link #endArray()}), as F.2.1 specifies for multiple
 * results.
 *
 * <p>Mapping decisions (PS3.18 F.2.2 - F.2.7):
 * <ul>
 * <li>Attributes are keyed by the 8 upper case hex digits of the tag; group length elements (gggg,0000) are left
 *     out (F.2.2).</li>
 * <li>An element with no value has only {@code "vr"}; an empty value within a multi-valued element is
 *     {@code null} (F.2.5). An empty sequence has no {@code "Value"}; an empty item is {@code {}}.</li>
 * <li>PN values are objects with the non-empty component groups {@code Alphabetic}, {@code Ideographic},
 *     {@code Phonetic} (F.2.2).</li>
 * <li>IS and DS are JSON numbers when the value, without its insignificant spaces, is already a valid JSON number
 *     (the text is copied, so no digit is lost); otherwise - {@code +5}, {@code .5}, {@code 1.}, {@code 007} or
 *     something that is no number at all - a JSON string with the value unchanged, as the note to Table F.2.3-1
 *     permits "to preserve the original format". US, SS, UL, SL, SV, UV, FL and FD are JSON numbers; a NaN or
 *     infinite FL/FD, which JSON cannot express, is the string {@code "NaN"}, {@code "Infinity"} or
 *     {@code "-Infinity"}.</li>
 * <li>AT values are 8 upper case hex digit strings; OB, OD, OF, OL, OV, OW and UN are {@code "InlineBinary"}
 *     base64 of the little endian value (F.2.7).</li>
 * <li>Text is decoded with the data set's Specific Character Set; the output is Unicode text (to be written as
 *     UTF-8, F.2). (0008,0005) is copied unchanged.</li>
 * </ul>
 * Not thread-safe.
 */
public final class JsonWriter implements Flushable {
    private final Writer out;
    private boolean pretty;
    private int depth;
    private boolean inArray;
    private int arrayCount;
    /** Sequence nesting of the data set being written, bounded by {@link OutputLimits#MAX_DEPTH}. */
    private int nesting;

    public JsonWriter(Writer out) {
        this.out = out;
    }

    /** Two-space indentation and a line per member; default off (compact, no whitespace). */
    public JsonWriter pretty(boolean b) {
        this.pretty = b;
        return this;
    }

    /** One data set in compact form. */
    public static String toJson(Attributes ds) {
        return toJson(ds, false);
    }

    public static String toJson(Attributes ds, boolean pretty) {
        StringWriter sw = new StringWriter();
        try {
            new JsonWriter(sw).pretty(pretty).writeDataSet(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Begins a top-level array of data sets (F.2.1). */
    public void startArray() throws IOException {
        if (inArray) {
            throw new IllegalStateException("array already started");
        }
        inArray = true;
        arrayCount = 0;
        out.write('[');
        depth++;
    }

    /** Ends the array begun by {@link #startArray()} and flushes. */
    public void endArray() throws IOException {
        if (!inArray) {
            throw new IllegalStateException("no array started");
        }
        inArray = false;
        depth--;
        if (arrayCount > 0) {
            newline();
        }
        out.write(']');
        if (pretty) {
            out.write('\n');
        }
        out.flush();
    }

    /** Writes one data set as a JSON object (an element of the array, if one was started), then flushes. */
    public void writeDataSet(Attributes ds) throws IOException {
        nesting = 0;
        if (inArray) {
            if (arrayCount++ > 0) {
                out.write(',');
            }
            newline();
        }
        object(ds);
        if (!inArray && pretty) {
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void object(Attributes ds) throws IOException {
        out.write('{');
        depth++;
        boolean first = true;
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (Tag.isGroupLength(tag)) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            newline();
            name(String.format("%08X", tag));
            attribute(ds, i);
        }
        depth--;
        if (!first) {
            newline();
        }
        out.write('}');
    }

    private void attribute(Attributes ds, int i) throws IOException {
        VR vr = ds.vrAt(i);
        Object v = ds.valueAt(i);
        out.write('{');
        depth++;
        newline();
        name("vr");
        string(vr.name());
        if (v instanceof Sequence seq) {
            if (!seq.isEmpty()) {
                OutputLimits.checkDepth(++nesting, ds.tagAt(i));
                member("Value");
                out.write('[');
                depth++;
                int k = 0;
                for (Attributes item : seq) {
                    if (k++ > 0) {
                        out.write(',');
                    }
                    newline();
                    object(item);
                }
                depth--;
                nesting--;
                newline();
                out.write(']');
            }
        } else if (v != null) {
            switch (vr) {
                case OB, OD, OF, OL, OV, OW, UN -> {
                    byte[] b = ds.bytesAt(i);
                    if (b.length > 0) {
                        member("InlineBinary");
                        out.write('"');
                        XmlChars.base64(b, out); // base64 needs no JSON escaping
                        out.write('"');
                    }
                }
                default -> values(ds, i, vr);
            }
        }
        depth--;
        newline();
        out.write('}');
    }

    private void values(Attributes ds, int i, VR vr) throws IOException {
        if (vr.isText()) {
            String all = ds.valueAsString(i);
            if (all == null || all.isEmpty()) {
                return;
            }
            // values one at a time (an element may hold millions): only padding is no value at all (F.2.5)
            if (all.indexOf('\\') < 0 || vr.isSingleValuedText()) {
                boolean[] blank = {true};
                ds.forEachString(i, v -> blank[0] = v.isEmpty());
                if (blank[0]) {
                    return;
                }
            }
            member("Value");
            out.write('[');
            int[] k = {0};
            ds.forEachString(i, p -> {
                if (k[0]++ > 0) {
                    out.write(',');
                }
                textValue(vr, p);
            });
            out.write(']');
            return;
        }
        byte[] b = ds.bytesAt(i);
        int unit = vr.unit();
        if (b.length < unit) {
            return;
        }
        member("Value");
        out.write('[');
        for (int off = 0; off + unit <= b.length; off += unit) {
            if (off > 0) {
                out.write(',');
            }
            switch (vr) {
                case US -> out.write(Integer.toString(ByteOrder.getShortLE(b, off)));
                case SS -> out.write(Integer.toString((short) ByteOrder.getShortLE(b, off)));
                case UL -> out.write(Long.toString(ByteOrder.getIntLE(b, off) & 0xFFFFFFFFL));
                case SL -> out.write(Integer.toString(ByteOrder.getIntLE(b, off)));
                case SV -> out.write(Long.toString(ByteOrder.getLongLE(b, off)));
                case UV -> out.write(Long.toUnsignedString(ByteOrder.getLongLE(b, off)));
                case FL -> number(Float.intBitsToFloat(ByteOrder.getIntLE(b, off)), true);
                case FD -> number(Double.longBitsToDouble(ByteOrder.getLongLE(b, off)), false);
                case AT -> string(String.format("%04X%04X", ByteOrder.getShortLE(b, off),
                        ByteOrder.getShortLE(b, off + 2)));
                default -> throw new IllegalStateException("no JSON value form for VR " + vr);
            }
        }
        out.write(']');
    }

    private void textValue(VR vr, String p) throws IOException {
        if (p.isEmpty()) {
            out.write("null");
        } else if (vr == VR.PN) {
            personName(p);
        } else if ((vr == VR.IS || vr == VR.DS) && isJsonNumber(p.trim())) {
            out.write(p.trim());
        } else {
            string(vr == VR.IS || vr == VR.DS ? p.trim() : p);
        }
    }

    private void number(double d, boolean single) throws IOException {
        if (Double.isNaN(d)) {
            string("NaN");
        } else if (Double.isInfinite(d)) {
            string(d > 0 ? "Infinity" : "-Infinity");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.write(Long.toString((long) d));
        } else {
            // Java's shortest round-trip form is valid JSON (digits, '.', 'E', sign).
            out.write(single ? Float.toString((float) d) : Double.toString(d));
        }
    }

    private void personName(String value) throws IOException {
        String[] groups = value.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        out.write('{');
        boolean first = true;
        for (int g = 0; g < Math.min(groups.length, 3); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            name(names[g]);
            string(groups[g]);
        }
        out.write('}');
    }

    /** RFC 8259 section 6: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    static boolean isJsonNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') {
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private void member(String name) throws IOException {
        out.write(',');
        newline();
        name(name);
    }

    private void name(String name) throws IOException {
        string(name);
        out.write(pretty ? ": " : ":");
    }

    private void newline() throws IOException {
        if (pretty) {
            out.write('\n');
            for (int k = 0; k < depth; k++) {
                out.write("  ");
            }
        }
    }

    /** A JSON string (RFC 8259 section 7): quote, backslash and control characters escaped. */
    private void string(String s) throws IOException {
        out.write('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    // controls must be escaped (RFC 8259 7); an unpaired surrogate is escaped too, so that the
                    // text stays valid UTF-8 when written (RFC 8259 8.1) and reads back as the same code unit
                    boolean unpaired = Character.isHighSurrogate(c)
                            ? k + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(k + 1))
                            : Character.isLowSurrogate(c) && (k == 0 || !Character.isHighSurrogate(s.charAt(k - 1)));
                    if (c < 0x20 || unpaired) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }
}
