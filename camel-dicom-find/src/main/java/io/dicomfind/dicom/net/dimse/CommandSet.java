package io.dicomfind.dicom.net.dimse;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.Priority;
import java.io.ByteArrayOutputStream;

/**
 * Command sets (PS3.7 6.3.1, E.1): always Implicit VR Little Endian, group 0000 only, starting with an exact
 * Command Group Length (0000,0000). The VR of each command element is fixed by PS3.7 Table E.1-1, so this small
 * codec needs no data dictionary and is independent of the data set codec.
 */
public final class CommandSet {
    /** Command sets are a few hundred bytes; this bound keeps a lying peer from making us buffer more. */
    public static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private CommandSet() {
    }

    public static Attributes cFindRq(int messageId, String sopClassUid, Priority priority) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassUid);
        cmd.setInt(Tag.CommandField, VR.US, CommandField.C_FIND_RQ);
        cmd.setInt(Tag.MessageID, VR.US, messageId);
        cmd.setInt(Tag.Priority, VR.US, priority.code());
        cmd.setInt(Tag.CommandDataSetType, VR.US, CommandField.DATA_SET_PRESENT);
        return cmd;
    }

    /** PS3.7 9.3.2.3 Table 9.3-5: no Message ID of its own, no data set. */
    public static Attributes cCancelRq(int messageIdBeingRespondedTo) {
        Attributes cmd = new Attributes();
        cmd.setInt(Tag.CommandField, VR.US, CommandField.C_CANCEL_RQ);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageIdBeingRespondedTo);
        cmd.setInt(Tag.CommandDataSetType, VR.US, CommandField.DATA_SET_ABSENT);
        return cmd;
    }

    public static Attributes cEchoRq(int messageId, String sopClassUid) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassUid);
        cmd.setInt(Tag.CommandField, VR.US, CommandField.C_ECHO_RQ);
        cmd.setInt(Tag.MessageID, VR.US, messageId);
        cmd.setInt(Tag.CommandDataSetType, VR.US, CommandField.DATA_SET_ABSENT);
        return cmd;
    }

    /** The fixed VR of a command element (PS3.7 Table E.1-1 and retired E.2-1), or UN for one we do not know. */
    public static VR vrOf(int tag) {
        return switch (tag) {
            case 0x00000000 -> VR.UL;
            case 0x00000002, 0x00000003, 0x00001000, 0x00001001 -> VR.UI;
            case 0x00000100, 0x00000110, 0x00000120, 0x00000700, 0x00000800, 0x00000900, 0x00000903,
                    0x00001002, 0x00001008, 0x00001020, 0x00001021, 0x00001022, 0x00001023, 0x00001031 -> VR.US;
            case 0x00000600, 0x00001030 -> VR.AE;
            case 0x00000901, 0x00001005 -> VR.AT;
            case 0x00000902 -> VR.LO;
            default -> VR.UN;
        };
    }

    /**
     * Encodes the command elements in Implicit VR Little Endian, preceded by the exact group length (any
     * (0000,0000) in {@code cmd} is ignored and recomputed). Values are padded to even length (UI with NUL, text
     * with space, PS3.5 6.2).
     */
    public static byte[] encode(Attributes cmd) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(128);
        for (int i = 0; i < cmd.size(); i++) {
            int tag = cmd.tagAt(i);
            if (tag == Tag.CommandGroupLength) {
                continue;
            }
            if (Tag.group(tag) != 0) {
                throw new IllegalArgumentException("element " + Tag.toString(tag) + " is not a command element");
            }
            byte[] v = cmd.bytesAt(i);
            int len = v.length + (v.length & 1);
            putTag(body, tag);
            putIntLE(body, len);
            body.write(v, 0, v.length);
            if ((v.length & 1) != 0) {
                body.write(cmd.vrAt(i) == VR.UI || cmd.vrAt(i).isBinary() ? 0 : ' ');
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 12);
        putTag(out, Tag.CommandGroupLength);
        putIntLE(out, 4);
        putIntLE(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /**
     * Decodes a command set. Every element length is checked against the bytes present; an element outside group
     * 0000 is a protocol error. A (0000,0000) that disagrees with the actual length is tolerated (the PDV
     * framing, not the group length, delimits the command).
     */
    public static Attributes decode(byte[] b, int off, int length) throws DicomProtocolException {
        Attributes cmd = new Attributes();
        int p = off;
        int end = off + length;
        while (p < end) {
            if (end - p < 8) {
                throw DicomProtocolException.dimse("command set: " + (end - p) + " trailing bytes at offset "
                        + (p - off) + " cannot hold an element header");
            }
            int group = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
            int element = (b[p + 2] & 0xFF) | (b[p + 3] & 0xFF) << 8;
            int tag = group << 16 | element;
            long len = getIntLE(b, p + 4) & 0xFFFFFFFFL;
            if (group != 0) {
                throw DicomProtocolException.dimse("command set: element " + Tag.toString(tag) + " at offset "
                        + (p - off) + " is not in the command group 0000");
            }
            if (len > end - p - 8) {
                throw DicomProtocolException.dimse("command set: element " + Tag.toString(tag) + " at offset "
                        + (p - off) + " declares length " + len + " but only " + (end - p - 8) + " bytes remain");
            }
            byte[] v = new byte[(int) len];
            System.arraycopy(b, p + 8, v, 0, v.length);
            cmd.set(tag, vrOf(tag), v.length == 0 ? null : v);
            p += 8 + (int) len;
        }
        return cmd;
    }

    /** A US command element as an unsigned value, or -1 if absent or not exactly 2 bytes (garbled). */
    public static int getUS(Attributes cmd, int tag) {
        Object v = cmd.value(tag);
        if (v instanceof byte[] b && b.length == 2) {
            return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        }
        if (v instanceof byte[] || v == null) {
            return -1;
        }
        return cmd.getInt(tag, -1) & 0xFFFF;
    }

    private static void putTag(ByteArrayOutputStream out, int tag) {
        out.write(tag >>> 16);
        out.write(tag >>> 24);
        out.write(tag);
        out.write(tag >>> 8);
    }

    private static void putIntLE(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static int getIntLE(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
