package io.dicomfind.dicom.net.pdu;

/**
 * One Presentation Data Value item (PS3.8 9.3.5.1, Annex E.2): a command or data fragment. The fragment is
 * {@code length} bytes of {@code buffer} from {@code offset} (shared with the PDU, not copied).
 */
public record Pdv(int contextId, int controlHeader, byte[] buffer, int offset, int length) {
    /** Message Control Header bit 0: command (1) or data set (0) fragment. */
    public boolean command() {
        return (controlHeader & 0x01) != 0;
    }

    /** Message Control Header bit 1: last fragment of the command or data set. */
    public boolean last() {
        return (controlHeader & 0x02) != 0;
    }

    @Override
    public String toString() {
        return "PDV[ctx " + contextId + ", " + (command() ? "command" : "data") + (last() ? ", last" : "")
                + ", " + length + " bytes]";
    }
}
