package io.dicomfind.dicom.net.dimse;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.Priority;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Command sets (PS3.7 6.3.1, E.1): always Implicit VR Little Endian, group 0000 only, starting with an exact
 * Command Group Length (0000,0000), which this class computes; the elements themselves go through the shared
 * data set codec.
 */
public final class CommandSet {
    /** Command sets are a few hundred bytes; this bound keeps a lying peer from making us buffer more. */
    public static final int MAX_COMMAND_LENGTH = 64 * 1024;
    private static final DecodeLimits COMMAND_LIMITS = new DecodeLimits(MAX_COMMAND_LENGTH, 1, MAX_COMMAND_LENGTH);

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

    /**
     * C-FIND-RSP (PS3.7 9.3.2.2, Table 9.3-2), as an SCP sends it: a Pending response carries an Identifier,
     * final responses do not. {@code errorComment} (0000,0902) is optional (null for none).
     */
    public static Attributes cFindRsp(int messageIdBeingRespondedTo, String sopClassUid, int status,
            boolean identifierFollows, String errorComment) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassUid);
        cmd.setInt(Tag.CommandField, VR.US, CommandField.C_FIND_RSP);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageIdBeingRespondedTo);
        cmd.setInt(Tag.CommandDataSetType, VR.US,
                identifierFollows ? CommandField.DATA_SET_PRESENT : CommandField.DATA_SET_ABSENT);
        cmd.setInt(Tag.Status, VR.US, status);
        if (errorComment != null && !errorComment.isEmpty()) {
            // LO: at most 64 characters (PS3.5 6.2)
            cmd.setString(Tag.ErrorComment, VR.LO,
                    errorComment.length() > 64 ? errorComment.substring(0, 64) : errorComment);
        }
        return cmd;
    }

    /** C-ECHO-RSP (PS3.7 9.3.5.2, Table 9.3-13): no data set. */
    public static Attributes cEchoRsp(int messageIdBeingRespondedTo, String sopClassUid, int status) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassUid);
        cmd.setInt(Tag.CommandField, VR.US, CommandField.C_ECHO_RSP);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageIdBeingRespondedTo);
        cmd.setInt(Tag.CommandDataSetType, VR.US, CommandField.DATA_SET_ABSENT);
        cmd.setInt(Tag.Status, VR.US, status);
        return cmd;
    }

    /**
     * Encodes the command elements with the shared codec in Implicit VR Little Endian, preceded by the exact
     * Command Group Length (any (0000,0000) in {@code cmd} is ignored and recomputed). Values are padded to even
     * length by the codec (UI with NUL, text with space, PS3.5 6.2).
     */
    public static byte[] encode(Attributes cmd) {
        Attributes body = new Attributes();
        for (int i = 0; i < cmd.size(); i++) {
            int tag = cmd.tagAt(i);
            if (Tag.group(tag) != 0) {
                throw new IllegalArgumentException("element " + Tag.toString(tag) + " is not a command element");
            }
            if (tag != Tag.CommandGroupLength) {
                body.set(tag, cmd.vrAt(i), cmd.valueAt(i));
            }
        }
        byte[] encoded;
        try {
            encoded = DataSetWriter.toBytes(body, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, EncodeOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode command set", e); // in-memory: only on a bad value
        }
        byte[] out = new byte[12 + encoded.length];
        // (0000,0000) UL, length 4, value = the number of bytes that follow (PS3.7 6.3.1)
        out[4] = 4;
        out[8] = (byte) encoded.length;
        out[9] = (byte) (encoded.length >>> 8);
        out[10] = (byte) (encoded.length >>> 16);
        out[11] = (byte) (encoded.length >>> 24);
        System.arraycopy(encoded, 0, out, 12, encoded.length);
        return out;
    }

    /**
     * Decodes a command set with the shared codec (Implicit VR LE; the command group of the dictionary knows the
     * command elements' VRs, PS3.7 E.1; an element of another group, which is an error anyway, reads as UN). Element lengths are checked by the codec against the bytes present; an element outside
     * group 0000 is a protocol error. A (0000,0000) that disagrees with the actual length is tolerated (the PDV
     * framing, not the group length, delimits the command).
     */
    public static Attributes decode(byte[] b, int off, int length) throws DicomProtocolException {
        Attributes cmd;
        try {
            cmd = DataSetReader.read(java.util.Arrays.copyOfRange(b, off, off + length),
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, COMMAND_LIMITS, ElementDictionary.commandGroup());
        } catch (IOException e) {
            throw DicomProtocolException.dimse("malformed command set: " + e.getMessage(), e);
        }
        for (int i = 0; i < cmd.size(); i++) {
            if (Tag.group(cmd.tagAt(i)) != 0) {
                throw DicomProtocolException.dimse("command set: element " + Tag.toString(cmd.tagAt(i))
                        + " is not in the command group 0000");
            }
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

}
