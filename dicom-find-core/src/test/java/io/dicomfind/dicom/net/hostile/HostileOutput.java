package io.dicomfind.dicom.net.hostile;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.TransferSyntax;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Responses that are legal on the wire but hard to show (issue 13): what {@link HostileScp} sends to test the output
 * side (dump, XML, JSON, Part-10, the component's conversions) rather than the protocol. Identifiers are encoded
 * byte by byte in the negotiated transfer syntax (Explicit or Implicit VR Little Endian), without building them as
 * {@link Attributes}, so that the SCP itself stays small in a 64 MiB test JVM; all are within the default decode
 * limits (16 MiB per identifier and per element, 64 levels).
 */
public enum HostileOutput {
    /** 600,000 elements: (0010,0010) and private LO elements in ten odd groups. */
    GIANT_IDENTIFIER("GIANT^IDENTIFIER", HostileOutput::giant),
    /** One UC element (4-byte length in Explicit VR) with 4,000,000 values {@code 1\1\...}. */
    HUGE_MULTI_VALUED("HUGE^VALUES", HostileOutput::hugeValues),
    /** Sequences nested {@value #DEPTH} levels deep, each item with a value. */
    DEEP_SEQUENCES("DEEP^SEQUENCES", HostileOutput::deep),
    /** {@link #HOSTILE_TEXT} in every text VR, (0008,0005) ISO_IR 192 (so its 0xFF 0xFE are malformed). */
    CONTROL_CHARACTERS("CONTROL^CHARACTERS", HostileOutput::controlText);

    public static final int ELEMENTS = 600_000;
    public static final int VALUES = 4_000_000;
    public static final int DEPTH = 60;
    /** The tag of the element with {@link #VALUES} values: LongCodeValue, UC. */
    public static final int HUGE_TAG = 0x00080119;

    /**
     * Terminal escapes (CSI colour, OSC title), BEL, CR LF with a forged log line, DEL, C1 CSI (U+009B in UTF-8), and
     * bytes that are malformed UTF-8; an even number of bytes, so no padding.
     */
    public static final byte[] HOSTILE_TEXT = bytes("A\u001B[31mRED\u0007\r\nI: forged\u007F", new byte[] {(byte) 0xC2,
        (byte) 0x9B}, "x", new byte[] {(byte) 0xFF, (byte) 0xFE}, "Z\u001B]0;title\u0007");
    /** {@link #HOSTILE_TEXT} as the dump shows it: the value is not valid UTF-8, so byte by byte (SafeText). */
    public static final String HOSTILE_TEXT_SHOWN = "A\\x1B[31mRED\\x07\\x0D\\x0AI: forged\\x7F\\xC2\\x9Bx\\xFF\\xFEZ"
            + "\\x1B]0;title\\x07";
    /** An Error Comment (0000,0902) with a terminal escape, a newline starting a forged log line, and BEL. */
    public static final String ERROR_COMMENT = "ERR\u001B[2J\nE: forged line\u0007";
    /** {@link #ERROR_COMMENT} as a log message shows it. */
    public static final String ERROR_COMMENT_SHOWN = "ERR\\u001B[2J\\u000AE: forged line\\u0007";
    /** The Failure status sent with {@link #ERROR_COMMENT}: A700 Out of Resources. */
    public static final int ERROR_STATUS = 0xA700;

    /** Every text VR and a standard tag of that VR, in ascending tag order, for {@link #CONTROL_CHARACTERS}. */
    private static final int[][] TEXT_ELEMENTS = {
        {0x00080020, 'D' << 8 | 'A'}, {0x0008002A, 'D' << 8 | 'T'}, {0x00080030, 'T' << 8 | 'M'},
        {0x00080050, 'S' << 8 | 'H'}, {0x00080060, 'C' << 8 | 'S'}, {0x00080081, 'S' << 8 | 'T'},
        {0x00080119, 'U' << 8 | 'C'}, {0x00080120, 'U' << 8 | 'R'}, {0x00100010, 'P' << 8 | 'N'},
        {0x00100020, 'L' << 8 | 'O'}, {0x00101010, 'A' << 8 | 'S'}, {0x00101020, 'D' << 8 | 'S'},
        {0x00104000, 'L' << 8 | 'T'}, {0x0020000D, 'U' << 8 | 'I'}, {0x00200013, 'I' << 8 | 'S'},
        {0x00400001, 'A' << 8 | 'E'}, {0x0040A160, 'U' << 8 | 'T'},
    };

    private final String patientName;
    private final Function<Boolean, byte[]> encoder;

    HostileOutput(String patientName, Function<Boolean, byte[]> encoder) {
        this.patientName = patientName;
        this.encoder = encoder;
    }

    /** (0010,0010) of the response: how tests find it in a dump or file. */
    public String patientName() {
        return patientName;
    }

    /** The identifier encoded in {@code ts} (made anew each time: the SCP keeps nothing). */
    public byte[] encode(TransferSyntax ts) {
        if (ts.bigEndian()) {
            throw new IllegalArgumentException("hostile output responses are little endian only");
        }
        return encoder.apply(ts.explicitVR());
    }

    /**
     * Accepts, answers the first C-FIND with one Pending response per {@code responses} (in order), then Success,
     * then behaves.
     */
    public static HostileScp.Behaviour responses(HostileOutput... responses) {
        return p -> {
            p.acceptAndReadFind();
            for (HostileOutput r : responses) {
                p.sendEncoded(1, HostileScp.findRsp(p.messageId, 0xFF00, 0x0000), r.encode(p.ts));
            }
            p.sendMessage(1, HostileScp.findRsp(p.messageId, 0x0000, 0x0101), null);
            p.serveGood();
        };
    }

    /** Accepts, answers the first C-FIND with {@link #ERROR_STATUS} and {@link #ERROR_COMMENT}, then behaves. */
    public static HostileScp.Behaviour errorComment() {
        return p -> {
            p.acceptAndReadFind();
            Attributes rsp = HostileScp.findRsp(p.messageId, ERROR_STATUS, 0x0101);
            rsp.setString(Tag.ErrorComment, VR.LO, ERROR_COMMENT);
            p.sendMessage(1, rsp, null);
            p.serveGood();
        };
    }

    // ---------------------------------------------------------------- encodings

    private static byte[] giant(boolean explicit) {
        byte[] name = even(GIANT_IDENTIFIER.patientName.getBytes(StandardCharsets.US_ASCII), ' ');
        byte[] out = new byte[8 + name.length + (ELEMENTS - 1) * 10];
        Writer w = new Writer(out, explicit);
        w.element(Tag.PatientName, "PN", name);
        byte[] v = {'V', ' '};
        int group = 0x0011;
        int element = 0x1000;
        for (int n = 1; n < ELEMENTS; n++) {
            w.element(group << 16 | element, "LO", v);
            if (++element > 0xFFFF) {
                group += 2;
                element = 0x1000;
            }
        }
        return w.done();
    }

    private static byte[] hugeValues(boolean explicit) {
        byte[] name = even(HUGE_MULTI_VALUED.patientName.getBytes(StandardCharsets.US_ASCII), ' ');
        byte[] values = new byte[2 * VALUES]; // "1\" times VALUES, the last backslash becomes the padding space
        for (int k = 0; k < values.length; k += 2) {
            values[k] = '1';
            values[k + 1] = '\\';
        }
        values[values.length - 1] = ' ';
        byte[] out = new byte[12 + values.length + 8 + name.length];
        Writer w = new Writer(out, explicit);
        w.element(HUGE_TAG, "UC", values);
        w.element(Tag.PatientName, "PN", name);
        return w.done();
    }

    private static byte[] deep(boolean explicit) {
        byte[] name = even(DEEP_SEQUENCES.patientName.getBytes(StandardCharsets.US_ASCII), ' ');
        byte[] level = {'L', 'V'};
        // per level: SQ header (12), item (8), a CS value (10), item and sequence delimiters (16)
        byte[] out = new byte[8 + name.length + DEPTH * 46];
        Writer w = new Writer(out, explicit);
        w.element(Tag.PatientName, "PN", name);
        for (int d = 0; d < DEPTH; d++) {
            w.sequenceStart(0x00400100);
            w.header(0xFFFEE000, 0xFFFFFFFF);
            w.element(0x00080060, "CS", level);
        }
        for (int d = 0; d < DEPTH; d++) {
            w.header(0xFFFEE00D, 0);
            w.header(0xFFFEE0DD, 0);
        }
        return w.done();
    }

    private static byte[] controlText(boolean explicit) {
        byte[] cs = "ISO_IR 192".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[12 + cs.length + TEXT_ELEMENTS.length * (12 + HOSTILE_TEXT.length)];
        Writer w = new Writer(out, explicit);
        w.element(Tag.SpecificCharacterSet, "CS", cs);
        for (int[] e : TEXT_ELEMENTS) {
            w.element(e[0], new String(new char[] {(char) (e[1] >> 8), (char) (e[1] & 0xFF)}), HOSTILE_TEXT);
        }
        return w.done();
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            b.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) p);
        }
        return b.toByteArray();
    }

    private static byte[] even(byte[] b, char pad) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] r = java.util.Arrays.copyOf(b, b.length + 1);
        r[b.length] = (byte) pad;
        return r;
    }

    /** Little endian element encoding into a preallocated array (PS3.5 7.1.2, 7.1.3). */
    private static final class Writer {
        private final byte[] out;
        private final boolean explicit;
        private int pos;

        Writer(byte[] out, boolean explicit) {
            this.out = out;
            this.explicit = explicit;
        }

        void element(int tag, String vr, byte[] value) {
            tag(tag);
            boolean longLength = VR.valueOf(vr).longLength();
            if (explicit) {
                out[pos++] = (byte) vr.charAt(0);
                out[pos++] = (byte) vr.charAt(1);
                if (longLength) {
                    pos += 2;
                    int32(value.length);
                } else {
                    out[pos++] = (byte) value.length;
                    out[pos++] = (byte) (value.length >>> 8);
                }
            } else {
                int32(value.length);
            }
            System.arraycopy(value, 0, out, pos, value.length);
            pos += value.length;
        }

        void sequenceStart(int tag) {
            tag(tag);
            if (explicit) {
                out[pos++] = 'S';
                out[pos++] = 'Q';
                pos += 2;
            }
            int32(0xFFFFFFFF);
        }

        void header(int tag, int length) {
            tag(tag);
            int32(length);
        }

        private void tag(int tag) {
            out[pos++] = (byte) (tag >>> 16);
            out[pos++] = (byte) (tag >>> 24);
            out[pos++] = (byte) tag;
            out[pos++] = (byte) (tag >>> 8);
        }

        private void int32(int v) {
            out[pos++] = (byte) v;
            out[pos++] = (byte) (v >>> 8);
            out[pos++] = (byte) (v >>> 16);
            out[pos++] = (byte) (v >>> 24);
        }

        byte[] done() {
            return pos == out.length ? out : java.util.Arrays.copyOf(out, pos);
        }
    }
}
