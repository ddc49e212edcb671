package io.dicomfind.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.PduReader;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {
    private static final byte[] DATA = {0x10, 0, 0x10, 0, 4, 0, 0, 0, 'D', 'O', 'E', ' '};

    static byte[] response(int status, int dataSetType) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.31");
        cmd.setInt(Tag.CommandField, VR.US, 0x8020);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, 1);
        cmd.setInt(Tag.CommandDataSetType, VR.US, dataSetType);
        cmd.setInt(Tag.Status, VR.US, status);
        return CommandSet.encode(cmd);
    }

    /** A source over the PDUs a writer produced, so that writer and assembler are tested against each other. */
    static PdvSource source(byte[] stream) {
        PduReader r = new PduReader(new ByteArrayInputStream(stream), 1 << 20);
        ArrayDeque<Pdv> q = new ArrayDeque<>();
        return () -> {
            while (q.isEmpty()) {
                Pdu p = r.read();
                if (p == null) {
                    throw new EOFException("end of test stream");
                }
                q.addAll(((PDataTf) p).pdvs());
            }
            return q.poll();
        };
    }

    static MessageAssembler assembler(PdvSource s) {
        return new MessageAssembler(s, id -> id == 1 ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN : null, 1 << 20);
    }

    @Test
    void arbitrarySmallFragmentsReassemble() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PDataWriter(out).write(1, response(0xFF00, 0x0000), DATA, 8 + 6); // 8-byte fragments
        new PDataWriter(out).write(1, response(0x0000, 0x0101), null, 12);
        MessageAssembler a = assembler(source(out.toByteArray()));
        DimseMessage m = a.read(c -> false);
        assertEquals(0xFF00, CommandSet.getUS(m.command(), Tag.Status));
        assertArrayEquals(DATA, m.dataSet());
        DimseMessage last = a.read(c -> false);
        assertEquals(0, CommandSet.getUS(last.command(), Tag.Status));
        assertNull(last.dataSet());
    }

    @Test
    void commandAndDataInOnePduAndSeveralMessagesPerPdu() throws Exception {
        byte[] c1 = response(0xFF00, 0x0102);
        byte[] c2 = response(0xFE00, 0x0101);
        byte[] pdu = pData(List.of(pdv(1, 3, c1), pdv(1, 2, DATA), pdv(1, 3, c2)));
        MessageAssembler a = assembler(source(pdu));
        assertArrayEquals(DATA, a.read(c -> false).dataSet());
        assertEquals(0xFE00, CommandSet.getUS(a.read(c -> false).command(), Tag.Status));
    }

    @Test
    void pendingWithoutDeclaredDataTakesFollowingDataFragments() throws Exception {
        byte[] pdu = pData(List.of(pdv(1, 3, response(0xFF00, 0x0101)), pdv(1, 2, DATA),
                pdv(1, 3, response(0xFF00, 0x0101)), pdv(1, 3, response(0x0000, 0x0101))));
        MessageAssembler a = assembler(source(pdu));
        assertArrayEquals(DATA, a.read(c -> true).dataSet(), "data after a 0101 pending: its identifier");
        assertNull(a.read(c -> true).dataSet(), "followed by a command: no identifier");
        assertEquals(0, CommandSet.getUS(a.read(c -> false).command(), Tag.Status), "peeked PDV not lost");
    }

    @Test
    void unacceptedContextIsRefused() {
        byte[] pdu = pData(List.of(pdv(3, 3, response(0, 0x0101))));
        DicomProtocolException e = assertThrows(DicomProtocolException.class,
                () -> assembler(source(pdu)).read(c -> false));
        assertTrue(e.getMessage().contains("presentation context ID 3"), e.getMessage());
        assertEquals(DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE, e.abortReason());
    }

    @Test
    void dataBeforeCommandAndInterleavingAreRefused() {
        byte[] dataFirst = pData(List.of(pdv(1, 2, DATA)));
        assertThrows(DicomProtocolException.class, () -> assembler(source(dataFirst)).read(c -> false));
        byte[] c = response(0xFF00, 0x0000);
        byte[] half = java.util.Arrays.copyOf(c, 10);
        byte[] dataInsideCommand = pData(List.of(pdv(1, 1, half), pdv(1, 2, DATA)));
        assertThrows(DicomProtocolException.class, () -> assembler(source(dataInsideCommand)).read(x -> false));
        byte[] commandInsideData = pData(List.of(pdv(1, 3, c), pdv(1, 0, new byte[] {0x10, 0}), pdv(1, 3, c)));
        assertThrows(DicomProtocolException.class, () -> assembler(source(commandInsideData)).read(x -> false));
    }

    @Test
    void oddCommandLengthAndMissingDataSetTypeAreRefused() {
        byte[] c = response(0, 0x0101);
        byte[] odd = java.util.Arrays.copyOf(c, c.length + 1);
        DicomProtocolException oddError = assertThrows(DicomProtocolException.class,
                () -> assembler(source(pData(List.of(pdv(1, 3, odd))))).read(x -> false));
        assertTrue(oddError.getMessage().contains("even length"), oddError.getMessage());
        Attributes noType = new Attributes();
        noType.setInt(Tag.CommandField, VR.US, 0x8020);
        noType.setInt(Tag.Status, VR.US, 0);
        byte[] n = CommandSet.encode(noType);
        DicomProtocolException e = assertThrows(DicomProtocolException.class,
                () -> assembler(source(pData(List.of(pdv(1, 3, n))))).read(x -> false));
        assertTrue(e.getMessage().contains("(0000,0800)"));
    }

    @Test
    void writerRespectsThePeerMaximumAndFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] cmd = response(0xFF00, 0);
        byte[] data = new byte[1000];
        new PDataWriter(out).write(5, cmd, data, 106);
        PduReader r = new PduReader(new ByteArrayInputStream(out.toByteArray()), 106);
        int commandPdus = 0;
        int dataPdus = 0;
        int total = 0;
        Pdu p;
        while ((p = r.read()) != null) {
            List<Pdv> pdvs = ((PDataTf) p).pdvs();
            assertEquals(1, pdvs.size(), "one PDV per PDU");
            Pdv v = pdvs.get(0);
            assertEquals(5, v.contextId());
            assertTrue(v.length() <= 100 && v.length() % 2 == 0);
            if (v.command()) {
                commandPdus++;
                assertEquals(commandPdus * 100 >= cmd.length, v.last());
            } else {
                dataPdus++;
                total += v.length();
                assertEquals(total == 1000, v.last());
            }
        }
        assertEquals((cmd.length + 99) / 100, commandPdus);
        assertEquals(10, dataPdus);
        assertEquals(PDataWriter.UNLIMITED_FRAGMENT, PDataWriter.maxFragment(0));
        assertEquals(16370, PDataWriter.maxFragment(16377), "even fragments");
        assertThrows(IllegalArgumentException.class, () -> PDataWriter.maxFragment(7));
    }

    static Pdv pdv(int ctx, int header, byte[] b) {
        return new Pdv(ctx, header, b, 0, b.length);
    }

    static byte[] pData(List<Pdv> pdvs) {
        return io.dicomfind.dicom.net.pdu.PduCodec.encode(new PDataTf(pdvs));
    }
}
