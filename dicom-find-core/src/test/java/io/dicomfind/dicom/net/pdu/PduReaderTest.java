package io.dicomfind.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.DicomProtocolException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class PduReaderTest {
    private static PduReader reader(byte[] b, int max) {
        return new PduReader(new ByteArrayInputStream(b), max);
    }

    @Test
    void readsConsecutivePdusAndReportsCleanEnd() throws Exception {
        byte[] a = PduCodec.encode(new AReleaseRp());
        byte[] p = {4, 0, 0, 0, 0, 8, 0, 0, 0, 4, 1, 3, 0, 0};
        byte[] both = new byte[a.length + p.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(p, 0, both, a.length, p.length);
        PduReader r = reader(both, 16384);
        assertInstanceOf(AReleaseRp.class, r.read());
        assertInstanceOf(PDataTf.class, r.read());
        assertNull(r.read());
    }

    @Test
    void pDataLongerThanOurMaximumIsRefusedBeforeAllocating() {
        // declares 2 GiB - 1 with nothing behind it: must fail on the length, not try to allocate or read
        byte[] b = {4, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> reader(b, 16384).read());
        assertEquals(DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE, e.abortReason());
        assertTrue(e.getMessage().contains("2147483647") && e.getMessage().contains("16384"), e.getMessage());
        byte[] exact = {4, 0, 0, 0, 0x40, 0x01};
        assertThrows(DicomProtocolException.class, () -> reader(exact, 16384).read());
    }

    @Test
    void otherPdusAreCappedAt64KiB() {
        byte[] b = {2, 0, 0, 1, 0, 1};
        DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> reader(b, 1 << 24).read());
        assertTrue(e.getMessage().contains("A-ASSOCIATE-AC declares PDU length 65537"), e.getMessage());
    }

    @Test
    void unknownTypeIsRefused() {
        byte[] b = {(byte) 0x99, 0, 0, 0, 0, 4, 0, 0, 0, 0};
        DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> reader(b, 16384).read());
        assertEquals(DicomProtocolException.REASON_UNRECOGNIZED_PDU, e.abortReason());
        assertTrue(e.getMessage().contains("0x99"));
    }

    @Test
    void truncatedPduIsAnEof() {
        byte[] header = {7, 0, 0};
        assertThrows(EOFException.class, () -> reader(header, 16384).read());
        byte[] body = {7, 0, 0, 0, 0, 4, 0, 0};
        EOFException e = assertThrows(EOFException.class, () -> reader(body, 16384).read());
        assertTrue(e.getMessage().contains("A-ABORT"), e.getMessage());
    }
}
