package io.dicomfind.dicom.net.pdu;

import io.dicomfind.dicom.net.DicomProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole PDUs from a stream with bounded allocation: a P-DATA-TF may not exceed the maximum length we declared
 * (PS3.8 D.1), any other PDU is small and capped at {@link #MAX_OTHER_PDU_LENGTH}. A peer-declared length beyond the
 * bound is a protocol error before anything is allocated.
 */
public final class PduReader {
    /** A-ASSOCIATE-AC/RQ with many contexts stay far below this; the other PDUs are 4 bytes. */
    public static final int MAX_OTHER_PDU_LENGTH = 64 * 1024;

    private final InputStream in;
    private final int maxPDataLength;
    private final byte[] header = new byte[6];

    /**
     * @param maxPDataLength largest P-DATA-TF PDU length accepted: our declared maximum, or the internal hard cap
     *                       when we declared 0 (no limit)
     */
    public PduReader(InputStream in, int maxPDataLength) {
        if (maxPDataLength <= 0) {
            throw new IllegalArgumentException("maximum P-DATA length must be positive: " + maxPDataLength);
        }
        this.in = in;
        this.maxPDataLength = maxPDataLength;
    }

    /**
     * The next PDU, or null when the stream ended cleanly at a PDU boundary.
     *
     * @throws EOFException           if the stream ends inside a PDU
     * @throws DicomProtocolException for an unknown PDU type, a length beyond the bounds or a malformed body
     */
    public Pdu read() throws IOException {
        int n = readFully(header, 0, 6, true);
        if (n == 0) {
            return null;
        }
        int type = header[0] & 0xFF;
        long length = PduCodec.getInt(header, 2) & 0xFFFFFFFFL;
        if (type < Pdu.A_ASSOCIATE_RQ || type > Pdu.A_ABORT) {
            throw new DicomProtocolException(String.format("received unrecognized PDU type 0x%02X (length %d)",
                    type, length), DicomProtocolException.REASON_UNRECOGNIZED_PDU);
        }
        long bound = type == Pdu.P_DATA_TF ? maxPDataLength : MAX_OTHER_PDU_LENGTH;
        if (length > bound) {
            throw new DicomProtocolException(Pdu.typeName(type) + " declares PDU length " + length
                    + ", more than the " + bound + " bytes we accept"
                    + (type == Pdu.P_DATA_TF ? " (our maximum receive PDU length)" : ""),
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] body = new byte[(int) length];
        readFully(body, 0, body.length, false);
        return PduCodec.decode(type, body, 0, body.length);
    }

    private int readFully(byte[] b, int off, int len, boolean allowCleanEof) throws IOException {
        int done = 0;
        while (done < len) {
            int r = in.read(b, off + done, len - done);
            if (r < 0) {
                if (done == 0 && allowCleanEof) {
                    return 0;
                }
                throw new EOFException("connection closed by peer inside a PDU (" + done + " of " + len
                        + " bytes of " + (allowCleanEof ? "PDU header" : Pdu.typeName(header[0] & 0xFF)) + ")");
            }
            done += r;
        }
        return done;
    }
}
