package io.dicomfind.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes DIMSE messages as P-DATA-TF PDUs (PS3.8 9.3.5, Annex E): the command and the data set each fragmented so
 * that every PDU respects the peer's maximum length, one PDV per PDU, the command and the data set in separate
 * PDUs (as DCMTK does, which every SCP accepts). All PDUs of a message go into the buffered stream and are flushed
 * once: with TCP_NODELAY a small message leaves in a single segment (no Nagle/delayed-ACK stall, see PEERS.md).
 */
public final class PDataWriter {
    /** Fragment size when the peer declared no limit (PS3.8 D.1: 0). */
    static final int UNLIMITED_FRAGMENT = 1 << 20;

    private final OutputStream out;
    private final byte[] header = new byte[12];

    /** @param out a buffered stream over the socket; flushed at the end of each message */
    public PDataWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * The largest fragment that fits a PDU of {@code peerMaxPduLength} (0 = unlimited): the PDU length counts
     * the 4-byte PDV item length, the context ID and the control header. Even, so fragments keep element
     * alignment.
     */
    public static int maxFragment(long peerMaxPduLength) {
        if (peerMaxPduLength == 0) {
            return UNLIMITED_FRAGMENT;
        }
        long f = Math.min(peerMaxPduLength - 6, UNLIMITED_FRAGMENT) & ~1L;
        if (f < 2) {
            throw new IllegalArgumentException("the peer's maximum PDU length " + peerMaxPduLength
                    + " leaves no room for a fragment");
        }
        return (int) f;
    }

    /** Writes one message; {@code dataSet} null for none. */
    public void write(int contextId, byte[] command, byte[] dataSet, long peerMaxPduLength) throws IOException {
        int max = maxFragment(peerMaxPduLength);
        writeFragments(contextId, command, 0x01, max);
        if (dataSet != null) {
            writeFragments(contextId, dataSet, 0x00, max);
        }
        out.flush();
    }

    private void writeFragments(int contextId, byte[] b, int commandBit, int max) throws IOException {
        int off = 0;
        do {
            int len = Math.min(max, b.length - off);
            boolean last = off + len == b.length;
            int pduLength = len + 6;
            header[0] = 0x04; // P-DATA-TF
            header[1] = 0;
            putInt(header, 2, pduLength);
            putInt(header, 6, len + 2);
            header[10] = (byte) contextId;
            header[11] = (byte) (commandBit | (last ? 0x02 : 0x00));
            out.write(header, 0, 12);
            out.write(b, off, len);
            off += len;
        } while (off < b.length);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
