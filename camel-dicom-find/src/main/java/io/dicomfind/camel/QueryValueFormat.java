package io.dicomfind.camel;

import io.dicomfind.dicom.data.VR;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Java values of a query as the text of the key's VR (PS3.5 6.2), or a {@link DicomFindQueryValueException} naming
 * the key, the VR and the type when the value has no meaning for the VR or does not fit it. Strings pass through
 * unchanged (they may be ranges, wildcards or backslash lists the user wrote); a null is universal matching (PS3.4
 * C.2.2.2.3). The mapping table is in the component's documentation ("Typed query values").
 */
final class QueryValueFormat {
    private static final BigInteger UV_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private QueryValueFormat() {
    }

    /**
     * @param key where the value came from and its key, for the message
     * @param vr  the key's VR from the dictionary
     * @return the value as DICOM text, null for universal matching
     */
    static String format(String key, VR vr, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (vr == VR.SQ) {
            throw refuse(key, vr, value, "cannot be a sequence; give a Map (one item), a List of Maps, or null (all"
                    + " items)");
        }
        if (value instanceof DicomRange r) {
            return range(key, vr, r);
        }
        if (value instanceof Collection<?> c) {
            return values(key, vr, value, new ArrayList<>(c));
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return values(key, vr, value, list);
        }
        return single(key, vr, value);
    }

    /** PS3.5 6.4: several values joined by backslash; never for a date or time (that would be a range). */
    private static String values(String key, VR vr, Object whole, List<Object> items) {
        if (items.isEmpty()) {
            return null;
        }
        if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
            throw refuse(key, vr, whole, "holds several values, which a date or time key cannot match; for range"
                    + " matching (PS3.4 C.2.2.2.5) give a DicomRange or the text \"A-B\"");
        }
        if (vr.isSingleValuedText() && items.size() > 1) {
            throw refuse(key, vr, whole, "holds several values, but " + vr + " has one (a backslash is text there,"
                    + " PS3.5 6.2)");
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : items) {
            if (o == null || o instanceof Collection<?> || o instanceof Map<?, ?> || o instanceof DicomRange
                    || o.getClass().isArray()) {
                throw refuse(key, vr, o, "cannot be one of several values; each value must be a String, a number"
                        + " or a date");
            }
            if (sb.length() > 0) {
                sb.append('\\');
            }
            sb.append(o instanceof CharSequence s ? s.toString() : single(key, vr, o));
        }
        return sb.toString();
    }

    /** PS3.4 C.2.2.2.5: "A-B", "A-", "-B" for DA, TM and DT. */
    private static String range(String key, VR vr, DicomRange r) {
        if (vr != VR.DA && vr != VR.TM && vr != VR.DT) {
            throw refuse(key, vr, r, "is a range, which only DA, TM and DT keys match (PS3.4 C.2.2.2.5)");
        }
        if (vr != VR.TM && r.lower() instanceof Temporal a && r.upper() instanceof Temporal b
                && a.getClass() == b.getClass() && a instanceof Comparable<?> && compare(a, b) > 0) {
            throw refuse(key, vr, r, "ends before it starts: " + a + " is after " + b);
        }
        String lower = r.lower() == null ? "" : format(key, vr, r.lower());
        String upper = r.upper() == null ? "" : format(key, vr, r.upper());
        return lower + "-" + upper;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static String single(String key, VR vr, Object v) {
        if (v instanceof Boolean) {
            throw refuse(key, vr, v, "has no DICOM form; give the text the SCP stores (e.g. \"Y\" or \"N\")");
        }
        if (v instanceof LocalDate || v instanceof LocalTime || v instanceof LocalDateTime
                || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Instant) {
            return TemporalText.format(key, vr, v);
        }
        if (v instanceof Number n) {
            return number(key, vr, n);
        }
        throw refuse(key, vr, v, "has no DICOM form; give a String, a java.time value (DA, TM, DT), a Number (IS,"
                + " DS, US, UL, SS, SL, FL, FD, SV, UV), a List or array for several values, a DicomRange, or a Map"
                + " for a sequence item");
    }

    /** IS, DS (PS3.5 6.2) and the binary numbers, which are sent as text and encoded by the codec. */
    private static String number(String key, VR vr, Number n) {
        BigDecimal d = decimal(key, vr, n);
        switch (vr) {
            case DS -> {
                String text = n instanceof Float f ? Float.toString(f)
                        : n instanceof Double x ? Double.toString(x) : d.toString();
                if (text.length() > 16) {
                    throw refuse(key, vr, n, "needs " + text.length() + " characters (" + text + "); a DS value has"
                            + " at most 16 (PS3.5 6.2): round it, or give the text");
                }
                return text;
            }
            case FL -> {
                if (d.abs().compareTo(new BigDecimal(Float.toString(Float.MAX_VALUE))) > 0) {
                    throw refuse(key, vr, n, "is beyond the range of a 32-bit float (PS3.5 6.2 FL)");
                }
                return n instanceof Float f ? Float.toString(f) : d.toString();
            }
            case FD -> {
                return n instanceof Double x ? Double.toString(x) : n instanceof Float f ? Float.toString(f)
                        : d.toString();
            }
            case IS -> {
                return integer(key, vr, n, d, BigInteger.valueOf(Integer.MIN_VALUE),
                        BigInteger.valueOf(Integer.MAX_VALUE));
            }
            case SS -> {
                return integer(key, vr, n, d, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
            }
            case US -> {
                return integer(key, vr, n, d, BigInteger.ZERO, BigInteger.valueOf(0xFFFF));
            }
            case SL -> {
                return integer(key, vr, n, d, BigInteger.valueOf(Integer.MIN_VALUE),
                        BigInteger.valueOf(Integer.MAX_VALUE));
            }
            case UL -> {
                return integer(key, vr, n, d, BigInteger.ZERO, BigInteger.valueOf(0xFFFFFFFFL));
            }
            case SV -> {
                return integer(key, vr, n, d, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            }
            case UV -> {
                return integer(key, vr, n, d, BigInteger.ZERO, UV_MAX);
            }
            default -> throw refuse(key, vr, n, "is a number, but " + vr + " is not a numeric VR; give a String (text"
                    + " keeps the leading zeros an ID may have)");
        }
    }

    private static String integer(String key, VR vr, Number n, BigDecimal d, BigInteger min, BigInteger max) {
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException notIntegral) {
            throw refuse(key, vr, n, "has a fraction; " + vr + " holds integers (PS3.5 6.2)");
        }
        if (i.compareTo(min) < 0 || i.compareTo(max) > 0) {
            throw refuse(key, vr, n, "is outside " + min + " to " + max + ", the range of " + vr + " (PS3.5 6.2)");
        }
        return i.toString();
    }

    private static BigDecimal decimal(String key, VR vr, Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Double || n instanceof Float) {
            double x = n.doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw refuse(key, vr, n, "is " + n + ", which DICOM numbers cannot carry");
            }
            return n instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(x);
        }
        throw refuse(key, vr, n, "is a Number of a type the component does not know; give an Integer, Long,"
                + " BigInteger, BigDecimal, Float, Double or the text");
    }

    static DicomFindQueryValueException refuse(String key, VR vr, Object value, String reason) {
        return new DicomFindQueryValueException(key, vr, value, reason);
    }
}
