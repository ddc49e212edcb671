package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.JsonReader.DicomJsonException;
import io.dicomfind.dicom.io.JsonValue.JsonNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The values of the DICOM JSON Model (PS3.18 F.2.3 - F.2.7) as {@link io.dicomfind.dicom.data.Attributes} holds
 * them: text joined with backslash, person names from their component group objects, numbers and tags as little
 * endian binary, {@code InlineBinary} decoded from base64. Each check fails with a {@link DicomJsonException} at the
 * offending JSON value, its message starting with the tag {@code t} as {@link io.dicomfind.dicom.data.Tag#toString}
 * gives it.
 */
final class JsonValueConversions {
    private JsonValueConversions() {
    }

    /** An attribute key or AT value: 8 hex digits, group then element, either case (PS3.18 F.2.2). */
    static int parseTag(String key, JsonValue at) throws DicomJsonException {
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

    /** {@code InlineBinary}: base64 of the little endian value, only for the binary VRs (PS3.18 F.2.7). */
    static byte[] inlineBinary(String t, VR vr, JsonValue inline) throws DicomJsonException {
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
    static String text(String t, VR vr, List<JsonValue> values) throws DicomJsonException {
        if (vr.isSingleValuedText() && values.size() > 1) {
            throw values.get(1).error(t + ": VR " + vr + " has a single value, found " + values.size());
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < values.size(); k++) {
            JsonValue n = values.get(k);
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
                s = vr == VR.IS ? integerString(t, n, num) : num.text();
            } else {
                throw n.error(t + ": a " + vr + " value must be a string" + (vr == VR.IS || vr == VR.DS
                        ? " or a number" : "") + ", found " + n.kind());
            }
            if (vr == VR.IS && n.value instanceof String str && !str.isBlank() && !isIntegerString(str.trim())) {
                throw n.error(t + ": '" + shown(str) + "' is not an integer string (IS)");
            }
            if (!vr.isSingleValuedText() && s.indexOf('\\') >= 0) {
                throw n.error(t + ": value '" + shown(s) + "' contains a backslash, the value delimiter of " + vr
                        + " (PS3.18 F.2.4)");
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** An IS given as a JSON number: its digits, provided it has no fraction (1E2 is 100, 1.5 is refused). */
    private static String integerString(String t, JsonValue n, JsonNumber num) throws DicomJsonException {
        try {
            BigInteger v = exactInteger(num.text());
            if (v == null) {
                throw n.error(t + ": " + num.text() + " is out of range for IS");
            }
            return v.toString();
        } catch (ArithmeticException e) {
            throw n.error(t + ": " + num.text() + " is not an integer, as IS requires");
        }
    }

    /**
     * PS3.5 6.2 IS: an optional sign and ASCII digits. Checked by a loop, not by parsing: {@code new BigInteger}
     * of a string is quadratic in its length, and a peer's string may be megabytes long.
     */
    private static boolean isIntegerString(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A value as an error message shows it: whole up to 64 characters, else its start and its length. */
    private static String shown(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "... (" + value.length() + " characters)";
    }

    /** 2^64 has 20 digits: every integer VR's range (and any IS a peer should send) has at most that many. */
    private static final int MAX_INTEGER_DIGITS = 20;

    /**
     * The exact integer value of a JSON number; null when it has more than {@link #MAX_INTEGER_DIGITS} integer
     * digits. The magnitude is checked before any conversion: {@code 1e999999999} is 12 characters, but
     * {@code BigDecimal.toBigIntegerExact} would expand it digit by digit (minutes, hundreds of megabytes).
     *
     * @throws ArithmeticException   the number has a fraction
     * @throws NumberFormatException the text is not a number
     */
    private static BigInteger exactInteger(String text) {
        BigDecimal d = new BigDecimal(text);
        if (d.signum() == 0) {
            return BigInteger.ZERO;
        }
        d = d.stripTrailingZeros();
        if (d.scale() > 0) {
            throw new ArithmeticException(text + " has a fraction");
        }
        return d.precision() - d.scale() > MAX_INTEGER_DIGITS ? null : d.toBigInteger();
    }

    /**
     * A PN value: an object of up to three component groups (PS3.18 F.2.2), joined with '=' as PS3.5 6.2 encodes
     * them, trailing empty groups left out.
     */
    private static String personName(String t, JsonValue n) throws DicomJsonException {
        if (!(n.value instanceof Map<?, ?> groups)) {
            throw n.error(t + ": a PN value must be an object with Alphabetic, Ideographic, Phonetic, found "
                    + n.kind());
        }
        String[] parts = new String[3];
        for (Map.Entry<?, ?> g : groups.entrySet()) {
            JsonValue gv = (JsonValue) g.getValue();
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

    /** AT values: strings of 8 hex digits (PS3.18 F.2.3), each stored as group then element, little endian. */
    static byte[] tags(String t, List<JsonValue> values) throws DicomJsonException {
        byte[] b = new byte[values.size() * 4];
        for (int k = 0; k < values.size(); k++) {
            JsonValue n = values.get(k);
            if (!(n.value instanceof String s)) {
                throw n.error(t + ": an AT value must be a string of 8 hex digits, found " + n.kind());
            }
            int tag = parseTag(s, n);
            ByteOrder.putShortLE(b, 4 * k, tag >>> 16);
            ByteOrder.putShortLE(b, 4 * k + 2, tag);
        }
        return b;
    }

    /**
     * Binary numeric VRs as little endian values (PS3.18 F.2.3): integers checked against the VR's range, FL and FD
     * parsed as Java does (so "NaN" and "Infinity" strings work).
     */
    static byte[] numbers(String t, VR vr, List<JsonValue> values) throws DicomJsonException {
        int unit = vr.unit();
        byte[] b = new byte[values.size() * unit];
        for (int k = 0; k < values.size(); k++) {
            JsonValue n = values.get(k);
            String text;
            if (n.value instanceof JsonNumber num) {
                text = num.text();
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
                        BigInteger v = exactInteger(text);
                        BigInteger[] range = range(vr);
                        if (v == null || v.compareTo(range[0]) < 0 || v.compareTo(range[1]) > 0) {
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

    /** The smallest and largest value of an integer VR (PS3.5 Table 6.2-1). */
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
}
