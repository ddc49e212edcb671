package io.dicomfind.dicom.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A data set or sequence item: data elements kept in ascending tag order (PS3.5 7.1).
 *
 * <p>Values are held as they arrived: text as the raw bytes of the wire (decoded on access with the Specific
 * Character Set in force, PS3.5 6.1.2.5) or as a {@link String} set by code, binary values as little-endian bytes,
 * sequences as {@link Sequence}. A {@code null} value is a zero-length value, which in a query is a return key
 * (universal matching, PS3.4 C.2.2.2.3). Not thread-safe.
 */
public final class Attributes {
    private static final int[] NO_TAGS = {};
    private static final VR[] NO_VRS = {};
    private static final Object[] NO_VALUES = {};

    private final Attributes parent;
    private int[] tags = NO_TAGS;
    private VR[] vrs = NO_VRS;
    private Object[] values = NO_VALUES;
    private int size;
    private SpecificCharacterSet characterSet;
    private SpecificCharacterSet fallbackCharacterSet;

    public Attributes() {
        this(null);
    }

    Attributes(Attributes parent) {
        this.parent = parent;
    }

    /** A deep copy: nested sequences are copied too; raw byte values are shared, as they are never mutated. */
    public static Attributes copyOf(Attributes other) {
        Attributes copy = new Attributes();
        copy.fallbackCharacterSet = other.fallbackCharacterSet;
        return copy.addAll(other);
    }

    /** The data set that holds this item, or null for a top-level data set. */
    public Attributes parent() {
        return parent;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    /** The raw value at {@code index}: byte[], String, Sequence or null. */
    public Object valueAt(int index) {
        return values[index];
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** Position of {@code tag}, or {@code -(insertion point) - 1} like {@link Arrays#binarySearch}. */
    public int indexOf(int tag) {
        // Decoders append in ascending order, so check the end first: O(1) for the common case.
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    public VR vr(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    public Object value(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    /**
     * Sets an element; value is byte[] (raw: text in this data set's character set, binary little-endian),
     * String (text, or a backslash-separated multi-value), Sequence (only one of this data set's) or null.
     */
    public Attributes set(int tag, VR vr, Object value) {
        Objects.requireNonNull(vr, "vr");
        if (value != null && !(value instanceof byte[] || value instanceof String || value instanceof Sequence)) {
            throw new IllegalArgumentException("unsupported value type " + value.getClass().getName() + " for "
                    + Tag.toString(tag));
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
        } else {
            insert(-i - 1, tag, vr, value);
        }
        if (tag == Tag.SpecificCharacterSet) {
            characterSet = null;
        }
        return this;
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int n = Math.max(8, size * 2);
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    public Attributes setString(int tag, VR vr, String value) {
        return set(tag, vr, value == null || value.isEmpty() ? null : value);
    }

    public Attributes setStrings(int tag, VR vr, String... values) {
        return setString(tag, vr, String.join("\\", values));
    }

    /** A zero-length element: a return key in a query. */
    public Attributes setNull(int tag, VR vr) {
        return set(tag, vr, null);
    }

    public Attributes setInt(int tag, VR vr, int... ints) {
        byte[] b;
        switch (vr) {
            case US, SS, OW -> {
                b = new byte[ints.length * 2];
                for (int i = 0; i < ints.length; i++) {
                    b[2 * i] = (byte) ints[i];
                    b[2 * i + 1] = (byte) (ints[i] >> 8);
                }
            }
            case UL, SL, OL, AT -> {
                b = new byte[ints.length * 4];
                for (int i = 0; i < ints.length; i++) {
                    ByteOrder.putIntLE(b, 4 * i, vr == VR.AT ? (ints[i] >>> 16) | (ints[i] << 16) : ints[i]);
                }
            }
            case IS, DS -> {
                return setString(tag, vr, Arrays.stream(ints).mapToObj(Integer::toString)
                        .reduce((a, c) -> a + "\\" + c).orElse(null));
            }
            default -> throw new IllegalArgumentException("setInt does not apply to VR " + vr);
        }
        return set(tag, vr, b);
    }

    /** Replaces any value of {@code tag} with a new empty sequence and returns it. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this);
        set(tag, VR.SQ, seq);
        return seq;
    }

    public Sequence getSequence(int tag) {
        return value(tag) instanceof Sequence s ? s : null;
    }

    public Attributes remove(int tag) {
        int i = indexOf(tag);
        if (i >= 0) {
            System.arraycopy(tags, i + 1, tags, i, size - i - 1);
            System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            values[size] = null;
            if (tag == Tag.SpecificCharacterSet) {
                characterSet = null;
            }
        }
        return this;
    }

    /** Copies every element of {@code other} into this set, replacing existing ones; sequences are deep-copied. */
    public Attributes addAll(Attributes other) {
        for (int i = 0; i < other.size; i++) {
            Object v = other.values[i];
            if (v instanceof Sequence seq) {
                Sequence copy = newSequence(other.tags[i]);
                for (Attributes item : seq) {
                    copy.addItem().addAll(item);
                }
            } else {
                set(other.tags[i], other.vrs[i], v);
            }
        }
        return this;
    }

    // ---- text access ----

    /** The first value of a text element, decoded and with insignificant padding removed; null if absent or empty. */
    public String getString(int tag) {
        return getString(tag, 0);
    }

    public String getString(int tag, int valueIndex) {
        String[] all = getStrings(tag);
        return all != null && valueIndex < all.length ? all[valueIndex] : null;
    }

    /** All values of a text element, or of a binary numeric element formatted as text; null if absent or empty. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return null;
        }
        String s = valueAsString(i);
        if (s == null) {
            return null;
        }
        VR vr = vrs[i];
        // Numbers and tags are multi-valued whatever their source; bulk binary values and LT/ST/UT/UR are one value.
        String[] parts = vr.isSingleValuedText() || isBulk(vr) && !(values[i] instanceof String)
                ? new String[] {s} : split(s);
        for (int k = 0; k < parts.length; k++) {
            parts[k] = trim(parts[k], vr);
        }
        return parts;
    }

    /**
     * The values of the text element at {@code index} one at a time, as {@link #getStrings(int)} gives them, but
     * without an array of all: writers use it for elements with millions of values. Nothing for an absent value.
     *
     * @return the number of values
     */
    public int forEachString(int index, StringAction action) throws java.io.IOException {
        if (values[index] == null) {
            return 0;
        }
        String s = valueAsString(index);
        if (s == null) {
            return 0;
        }
        VR vr = vrs[index];
        if (vr.isSingleValuedText() || isBulk(vr) && !(values[index] instanceof String)) {
            action.accept(trim(s, vr));
            return 1;
        }
        int n = 0;
        int start = 0;
        for (int k = 0; k <= s.length(); k++) {
            if (k == s.length() || s.charAt(k) == '\\') {
                action.accept(trim(s.substring(start, k), vr));
                n++;
                start = k + 1;
            }
        }
        return n;
    }

    /** What {@link #forEachString} does with each value: typically writes it out. */
    @FunctionalInterface
    public interface StringAction {
        void accept(String value) throws java.io.IOException;
    }

    private static boolean isBulk(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    /** The whole value as a string (all values joined by backslash, padding kept), or null. */
    public String valueAsString(int index) {
        Object v = values[index];
        VR vr = vrs[index];
        if (v == null || v instanceof Sequence) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        byte[] b = (byte[]) v;
        if (vr.isText()) {
            return vr.usesSpecificCharacterSet()
                    ? characterSet().decode(b, vr)
                    : new String(b, StandardCharsets.ISO_8859_1);
        }
        return BinaryValues.format(b, vr);
    }

    private static String[] split(String s) {
        if (s.indexOf('\\') < 0) {
            return new String[] {s};
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\\') {
                out.add(s.substring(start, k));
                start = k + 1;
            }
        }
        out.add(s.substring(start));
        return out.toArray(new String[0]);
    }

    /** PS3.5 6.2: which padding and surrounding spaces are insignificant depends on the VR. */
    static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        // PS3.5 Table 6.2-1: leading spaces are significant in LT, ST, UT, UR and UC, absent in UI.
        if (!vr.isSingleValuedText() && vr != VR.UI && vr != VR.UC) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    /** The raw bytes of an element as they would be encoded in this data set's character set (little endian). */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        return bytesAt(i);
    }

    public byte[] bytesAt(int i) {
        Object v = values[i];
        if (v == null) {
            return new byte[0];
        }
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            VR vr = vrs[i];
            if (vr.isText()) {
                return vr.usesSpecificCharacterSet() ? characterSet().encode(s, vr)
                        : s.getBytes(StandardCharsets.ISO_8859_1);
            }
            return BinaryValues.parse(s, vr);
        }
        throw new IllegalStateException(Tag.toString(tags[i]) + " is a sequence");
    }

    /** The first value of an integer element (US, UL, SS, SL, IS, AT), or {@code defaultValue}. */
    public int getInt(int tag, int defaultValue) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return defaultValue;
        }
        VR vr = vrs[i];
        Object v = values[i];
        if (v instanceof byte[] b && vr.isBinary()) {
            return switch (vr) {
                case US, OW -> b.length >= 2 ? (b[0] & 0xFF) | (b[1] & 0xFF) << 8 : defaultValue;
                case SS -> b.length >= 2 ? (short) ((b[0] & 0xFF) | (b[1] & 0xFF) << 8) : defaultValue;
                case UL, SL, OL -> b.length >= 4 ? ByteOrder.getIntLE(b, 0) : defaultValue;
                case AT -> b.length >= 4 ? (ByteOrder.getIntLE(b, 0) << 16) | (ByteOrder.getIntLE(b, 0) >>> 16)
                        : defaultValue;
                default -> defaultValue;
            };
        }
        String s = getString(tag);
        if (s == null) {
            return defaultValue;
        }
        try {
            return vr == VR.AT || !vr.isText() && s.startsWith("(") ? (int) Tag.parse(s) : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    // ---- character sets ----

    /** The Specific Character Set in force for this data set or item: its own (0008,0005), else its parent's. */
    public SpecificCharacterSet characterSet() {
        if (characterSet == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0 && values[i] != null) {
                String raw = values[i] instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                        : values[i].toString();
                String[] terms = split(raw);
                for (int k = 0; k < terms.length; k++) {
                    terms[k] = terms[k].trim();
                }
                characterSet = SpecificCharacterSet.valueOf(terms);
            } else if (parent != null) {
                characterSet = parent.characterSet();
            } else if (fallbackCharacterSet != null) {
                characterSet = fallbackCharacterSet;
            } else {
                characterSet = SpecificCharacterSet.DEFAULT;
            }
        }
        return characterSet;
    }

    /** The character set assumed when the data set has no (0008,0005), for SCPs that omit it. */
    public void setFallbackCharacterSet(SpecificCharacterSet cs) {
        this.fallbackCharacterSet = cs;
        this.characterSet = null;
    }

    public SpecificCharacterSet fallbackCharacterSet() {
        return fallbackCharacterSet;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i] || vrs[i] != other.vrs[i]) {
                return false;
            }
            Object a = values[i];
            Object b = other.values[i];
            if (a instanceof Sequence sa && b instanceof Sequence sb) {
                if (sa.size() != sb.size()) {
                    return false;
                }
                for (int k = 0; k < sa.size(); k++) {
                    if (!sa.get(k).equals(sb.get(k))) {
                        return false;
                    }
                }
            } else if (a instanceof Sequence || b instanceof Sequence) {
                return false;
            } else if (!Arrays.equals(bytesAt(i), other.bytesAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
        }
        return h;
    }

    /** Elements and characters per value that {@link #toString()} shows: it ends up in exception messages. */
    private static final int SHOWN_ELEMENTS = 16;
    private static final int SHOWN_CHARS = 64;

    /**
     * A short description for messages and debuggers: the first {@value #SHOWN_ELEMENTS} elements, each value cut
     * at {@value #SHOWN_CHARS} characters and escaped ({@link SafeText}), so that a giant or hostile data set
     * cannot make a message huge or put control characters in a log.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(size, SHOWN_ELEMENTS); i++) {
            sb.append(Tag.toString(tags[i])).append(' ').append(vrs[i]).append(" [");
            if (values[i] instanceof Sequence s) {
                sb.append(s.size()).append(" items");
            } else if (values[i] != null) {
                String v = valueAsString(i);
                SafeText.appendEscaped(sb, v, 0, Math.min(v.length(), SHOWN_CHARS), false);
                if (v.length() > SHOWN_CHARS) {
                    sb.append("...");
                }
            }
            sb.append("]\n");
        }
        if (size > SHOWN_ELEMENTS) {
            sb.append("... (").append(size).append(" elements)\n");
        }
        return sb.toString();
    }
}
