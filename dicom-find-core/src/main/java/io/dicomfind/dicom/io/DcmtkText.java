package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The conventions DCMTK's text outputs ({@code dcmdump}, {@code dcm2xml}, findscu's response log) share: tag and
 * transfer syntax names, value multiplicity, encoded lengths and number formatting. Learnt by running DCMTK 3.6.7 on
 * data sets made with {@code dump2dcm}; no DCMTK code was consulted.
 */
final class DcmtkText {
    /** dcmdump's and dcm2xml's name of an element missing from the dictionary. */
    static final String UNKNOWN_NAME = "Unknown Tag & Data";

    /** DCMTK names some UIDs differently from the PS3.6 keyword; these are the ones a C-FIND log shows. */
    private static final Map<String, String> DCMTK_UID_NAMES = Map.of(
            "1.2.840.10008.1.2", "LittleEndianImplicit",
            "1.2.840.10008.1.2.1", "LittleEndianExplicit",
            "1.2.840.10008.1.2.2", "BigEndianExplicit",
            "1.2.840.10008.1.2.1.99", "DeflatedLittleEndianExplicit",
            "1.2.840.10008.1.1", "VerificationSOPClass",
            "1.2.840.10008.5.1.4.1.2.1.1", "FINDPatientRootQueryRetrieveInformationModel",
            "1.2.840.10008.5.1.4.1.2.2.1", "FINDStudyRootQueryRetrieveInformationModel",
            "1.2.840.10008.5.1.4.1.2.3.1", "RETIRED_FINDPatientStudyOnlyQueryRetrieveInformationModel",
            "1.2.840.10008.5.1.4.31", "FINDModalityWorklistInformationModel");

    private DcmtkText() {
    }

    /** {@code gggg,eeee} in lower case hex, as DCMTK writes tags. */
    static String tag(int tag) {
        return hex4(tag >>> 16) + "," + hex4(tag & 0xFFFF);
    }

    static String hex4(int v) {
        String s = Integer.toHexString(v & 0xFFFF);
        return "0000".substring(s.length()) + s;
    }

    /** The element name DCMTK shows: the dictionary keyword, with DCMTK's {@code RETIRED_} prefix when retired. */
    static String name(ElementDictionary dict, int tag) {
        ElementDictionary.Entry e = dict.lookup(tag);
        if (e != null && e.keyword() != null && !e.keyword().isEmpty()) {
            return e.retired() ? "RETIRED_" + e.keyword() : e.keyword();
        }
        if (Tag.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tag.isGroupLength(tag)) {
            return "GenericGroupLength";
        }
        return UNKNOWN_NAME;
    }

    /** The transfer syntax names of the {@code # Used TransferSyntax:} line and the {@code xfer} name attribute. */
    static String transferSyntaxName(TransferSyntax ts) {
        if (ts == null) {
            return "Unknown Transfer Syntax";
        }
        return switch (ts.uid()) {
            case "1.2.840.10008.1.2" -> "Little Endian Implicit";
            case "1.2.840.10008.1.2.1" -> "Little Endian Explicit";
            case "1.2.840.10008.1.2.2" -> "Big Endian Explicit";
            case "1.2.840.10008.1.2.1.99" -> "Deflated Explicit VR Little Endian";
            default -> ts.name();
        };
    }

    /** {@code =Name} for a registered UID, as dcmdump shows UI values; null if the UID is not registered. */
    static String uidName(String uid) {
        String name = DCMTK_UID_NAMES.get(uid);
        if (name != null) {
            return name;
        }
        UID.Entry e = UID.lookup(uid);
        if (e == null || e.keyword() == null || e.keyword().isEmpty()) {
            return null;
        }
        return e.retired() ? "RETIRED_" + e.keyword() : e.keyword();
    }

    /** Value multiplicity as DCMTK counts it: backslash-separated parts of text, units of binary numbers. */
    static int vm(VR vr, String text, int byteLength) {
        if (byteLength == 0) {
            return 0;
        }
        if (vr.isText()) {
            if (vr.isSingleValuedText()) {
                return 1;
            }
            int n = 1;
            for (int k = 0; k < text.length(); k++) {
                if (text.charAt(k) == '\\') {
                    n++;
                }
            }
            return n;
        }
        return switch (vr) {
            case OB, OW, OF, OD, OL, OV, UN -> 1;
            default -> Math.max(1, byteLength / vr.unit());
        };
    }

    /** The encoded length of a data set with explicit-length items and sequences, group lengths included. */
    static long itemLength(Attributes ds, boolean explicitVR, ValueBytes bytes) {
        long total = 0;
        for (int i = 0, n = ds.size(); i < n; i++) {
            Object v = ds.valueAt(i);
            VR vr = ds.vrAt(i);
            int header = !explicitVR ? 8 : vr.longLength() ? 12 : 8;
            if (v instanceof Sequence seq) {
                total += header + sequenceLength(seq, explicitVR, bytes);
            } else {
                int len = v == null ? 0 : bytes.of(ds, i).length;
                total += header + len + (len & 1);
            }
        }
        return total;
    }

    static long sequenceLength(Sequence seq, boolean explicitVR, ValueBytes bytes) {
        long total = 0;
        for (Attributes item : seq) {
            total += 8 + itemLength(item, explicitVR, bytes);
        }
        return total;
    }

    /** How a writer encodes a value: as held (the wire's character set) or converted, e.g. to UTF-8. */
    interface ValueBytes {
        byte[] of(Attributes ds, int index);
    }

    static final ValueBytes AS_HELD = Attributes::bytesAt;

    /** Binary numbers as DCMTK prints them, values separated by backslash; {@code limit} &lt; 0 for no limit. */
    static String binary(byte[] b, VR vr, int limit) {
        StringBuilder sb = new StringBuilder();
        int unit = switch (vr) {
            case OB, UN -> 1;
            case OW -> 2;
            default -> vr.unit();
        };
        for (int off = 0; off + unit <= b.length; off += unit) {
            String v = switch (vr) {
                case US -> Integer.toString(ByteOrder.getShortLE(b, off));
                case SS -> Integer.toString((short) ByteOrder.getShortLE(b, off));
                case UL -> Long.toString(ByteOrder.getIntLE(b, off) & 0xFFFFFFFFL);
                case SL -> Integer.toString(ByteOrder.getIntLE(b, off));
                case FL, OF -> formatFloat(Float.intBitsToFloat(ByteOrder.getIntLE(b, off)));
                case FD, OD -> formatDouble(Double.longBitsToDouble(ByteOrder.getLongLE(b, off)));
                case SV -> Long.toString(ByteOrder.getLongLE(b, off));
                case UV -> Long.toUnsignedString(ByteOrder.getLongLE(b, off));
                case AT -> "(" + hex4(ByteOrder.getShortLE(b, off)) + "," + hex4(ByteOrder.getShortLE(b, off + 2))
                        + ")";
                case OW -> hex4(ByteOrder.getShortLE(b, off));
                case OL -> String.format("%08x", ByteOrder.getIntLE(b, off));
                case OV -> String.format("%016x", ByteOrder.getLongLE(b, off));
                default -> String.format("%02x", b[off] & 0xFF);
            };
            int sep = sb.length() == 0 ? 0 : 1;
            // dcmdump stops before a value that would make the line's value field longer than 66 characters.
            if (limit >= 0 && sb.length() + sep + v.length() > limit) {
                sb.append("...");
                break;
            }
            if (sep == 1) {
                sb.append('\\');
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /** FL as DCMTK prints it: 9 significant digits, truncated, trailing zeros removed, C exponent notation. */
    static String formatFloat(float f) {
        return Float.isNaN(f) || Float.isInfinite(f) ? special(f) : significant(new BigDecimal(f), 9);
    }

    /** FD as DCMTK prints it: 17 significant digits, truncated (not rounded), like {@code %.17g} otherwise. */
    static String formatDouble(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? special(d) : significant(new BigDecimal(d), 17);
    }

    private static String special(double d) {
        return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
    }

    private static String significant(BigDecimal exact, int digits) {
        if (exact.signum() == 0) {
            return "0";
        }
        BigDecimal r = exact.round(new MathContext(digits, RoundingMode.DOWN)).stripTrailingZeros();
        int exponent = r.precision() - r.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            String unscaled = r.unscaledValue().abs().toString();
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            String exp = Integer.toString(Math.abs(exponent));
            return (r.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (exp.length() < 2 ? "0" + exp : exp);
        }
        return r.toPlainString();
    }
}
