package io.dicomfind.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.DicomProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduCodecTest {
    private static final String MWL = "1.2.840.10008.5.1.4.31";
    private static final String ELE = "1.2.840.10008.1.2.1";
    private static final String ILE = "1.2.840.10008.1.2";

    static Pdu decodeWhole(byte[] pdu) throws DicomProtocolException {
        return PduCodec.decode(pdu[0] & 0xFF, pdu, 6, pdu.length - 6);
    }

    @Test
    void associateRqHasTheFixedLayoutOfPs38Table9_11() throws Exception {
        AAssociateRq rq = new AAssociateRq("ANY-SCP", "FINDSCU", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, MWL, List.of(ELE, ILE))),
                new UserInformation(16384, "2.25.1", "VER_1"));
        byte[] b = PduCodec.encode(rq);
        assertEquals(0x01, b[0]);
        assertEquals(b.length - 6, PduCodec.getInt(b, 2));
        assertEquals(0x0001, PduCodec.getShort(b, 6), "protocol version");
        assertEquals("ANY-SCP         ", new String(b, 10, 16, StandardCharsets.US_ASCII));
        assertEquals("FINDSCU         ", new String(b, 26, 16, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[32], java.util.Arrays.copyOfRange(b, 42, 74));
        assertEquals(0x10, b[74], "application context item first");
        assertEquals(21, PduCodec.getShort(b, 76));
        AAssociateRq back = (AAssociateRq) decodeWhole(b);
        assertEquals(rq, back);
        // max length sub-item 51H, length 4, value 16384
        String hex = java.util.HexFormat.of().formatHex(b);
        assertTrue(hex.contains("5100000400004000"), hex);
    }

    @Test
    void associateAcSkipsUnknownItemsAndSubItems() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 1, 0, 0});
        body.writeBytes("ANY-SCP         FINDSCU         ".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[32]);
        item(body, 0x10, ascii("1.2.840.10008.3.1.1.1\0")); // NUL-padded by some peers
        item(body, 0x77, new byte[] {1, 2, 3}); // unknown item
        ByteArrayOutputStream pc = new ByteArrayOutputStream();
        pc.writeBytes(new byte[] {1, 0, 0, 0});
        item(pc, 0x40, ascii(ELE));
        item(body, 0x21, pc.toByteArray());
        item(body, 0x21, new byte[] {3, 0, 3, 0}); // rejected, no transfer syntax sub-item
        ByteArrayOutputStream ui = new ByteArrayOutputStream();
        item(ui, 0x51, new byte[] {0, 0, 0x40, 0});
        item(ui, 0x54, new byte[] {0, 2, 'x', 'y', 1, 0}); // role selection: skipped
        item(ui, 0x52, ascii("1.2.276.0.7230010.3.0.3.6.7"));
        item(ui, 0x58, new byte[] {1, 0, 0, 0, 0, 0}); // unknown/identity: skipped
        item(ui, 0x55, ascii("OFFIS_DCMTK_367"));
        item(body, 0x50, ui.toByteArray());
        byte[] pdu = withHeader(0x02, body.toByteArray());
        AAssociateAc ac = (AAssociateAc) decodeWhole(pdu);
        assertEquals("1.2.840.10008.3.1.1.1", ac.applicationContext());
        assertEquals(2, ac.presentationContexts().size());
        assertEquals(new PresentationContextAc(1, 0, ELE), ac.context(1));
        assertEquals(new PresentationContextAc(3, 3, null), ac.context(3));
        assertEquals(16384, ac.userInformation().maxLength());
        assertEquals("1.2.276.0.7230010.3.0.3.6.7", ac.userInformation().implementationClassUid());
        assertEquals("OFFIS_DCMTK_367", ac.userInformation().implementationVersionName());
    }

    @Test
    void acRoundTrip() throws Exception {
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "FINDSCU", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextAc(1, 0, ILE), new PresentationContextAc(3, 4, null)),
                new UserInformation(0, "1.2.3", null));
        assertEquals(ac, decodeWhole(PduCodec.encode(ac)));
    }

    @Test
    void itemLengthBeyondThePduIsRejected() {
        byte[] pdu = PduCodec.encode(new AAssociateAc(1, "A", "B", "1.2.840.10008.3.1.1.1", List.of(),
                new UserInformation(0, "1.2", null)));
        pdu[6 + 68 + 3] = (byte) 0xFF; // application context item length 255
        DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> decodeWhole(pdu));
        assertEquals(DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE, e.abortReason());
        assertTrue(e.getMessage().contains("item type 0x10 declares length 255"), e.getMessage());
    }

    @Test
    void associateShorterThanItsFixedFieldsIsRejected() {
        byte[] pdu = withHeader(0x02, new byte[20]);
        assertThrows(DicomProtocolException.class, () -> decodeWhole(pdu));
    }

    @Test
    void acceptedContextWithoutTransferSyntaxIsRejected() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[68]);
        item(body, 0x21, new byte[] {1, 0, 0, 0});
        DicomProtocolException e = assertThrows(DicomProtocolException.class,
                () -> decodeWhole(withHeader(0x02, body.toByteArray())));
        assertTrue(e.getMessage().contains("names no transfer syntax"));
    }

    @Test
    void fixedPdusAndTheirWords() throws Exception {
        assertEquals(new AAssociateRj(1, 1, 7), decodeWhole(PduCodec.encode(new AAssociateRj(1, 1, 7))));
        assertEquals("rejected-permanent by service-user: called-AE-title-not-recognized",
                new AAssociateRj(1, 1, 7).describe());
        assertEquals("rejected-transient by service-provider (presentation related function): "
                + "temporary-congestion", new AAssociateRj(2, 3, 1).describe());
        assertEquals("rejected-permanent by service-provider (ACSE related function): "
                + "protocol-version-not-supported", new AAssociateRj(1, 2, 2).describe());
        assertEquals(new AAbort(2, 6), decodeWhole(PduCodec.encode(new AAbort(2, 6))));
        assertEquals("aborted by service-provider: invalid-PDU-parameter-value", new AAbort(2, 6).describe());
        assertEquals("aborted by service-user", new AAbort(0, 0).describe());
        assertInstanceOf(AReleaseRq.class, decodeWhole(PduCodec.encode(new AReleaseRq())));
        assertInstanceOf(AReleaseRp.class, decodeWhole(PduCodec.encode(new AReleaseRp())));
        byte[] longRelease = {5, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0};
        assertThrows(DicomProtocolException.class, () -> decodeWhole(longRelease));
    }

    @Test
    void pDataWithSeveralPdvs() throws Exception {
        byte[] pdu = {4, 0, 0, 0, 0, 16, 0, 0, 0, 4, 1, 3, 'a', 'b', 0, 0, 0, 4, 1, 2, 'c', 'd'};
        PDataTf p = (PDataTf) decodeWhole(pdu);
        assertEquals(2, p.pdvs().size());
        Pdv first = p.pdvs().get(0);
        assertTrue(first.command() && first.last());
        assertEquals(2, first.length());
        assertEquals('c', p.pdvs().get(1).buffer()[p.pdvs().get(1).offset()]);
        assertTrue(!p.pdvs().get(1).command() && p.pdvs().get(1).last());
    }

    @Test
    void lyingPdvLengthsAreRejected() {
        byte[] tooLong = {4, 0, 0, 0, 0, 8, 0, 0, 0, 9, 1, 3, 'a', 'b'};
        assertTrue(assertThrows(DicomProtocolException.class, () -> decodeWhole(tooLong)).getMessage()
                .contains("declares length 9"));
        byte[] tooShort = {4, 0, 0, 0, 0, 6, 0, 0, 0, 1, 1, 3};
        assertThrows(DicomProtocolException.class, () -> decodeWhole(tooShort));
        byte[] trailing = {4, 0, 0, 0, 0, 9, 0, 0, 0, 2, 1, 3, 0, 0, 0};
        assertThrows(DicomProtocolException.class, () -> decodeWhole(trailing));
        byte[] empty = {4, 0, 0, 0, 0, 0};
        assertThrows(DicomProtocolException.class, () -> decodeWhole(empty));
    }

    @Test
    void unknownPduTypeIsUnrecognized() {
        DicomProtocolException e = assertThrows(DicomProtocolException.class,
                () -> PduCodec.decode(9, new byte[4], 0, 4));
        assertEquals(DicomProtocolException.REASON_UNRECOGNIZED_PDU, e.abortReason());
    }

    @Test
    void aeTitleRules() {
        assertEquals("FINDSCU", AeTitle.validate(" FINDSCU  ", "calling AE title"));
        assertEquals("SIXTEEN_CHARS_AE", AeTitle.validate("SIXTEEN_CHARS_AE", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AeTitle.validate("SEVENTEEN_CHARS_A", "called AE title"));
        assertTrue(e.getMessage().startsWith("called AE title 'SEVENTEEN_CHARS_A'"));
        assertThrows(IllegalArgumentException.class, () -> AeTitle.validate("    ", "x"));
        assertThrows(IllegalArgumentException.class, () -> AeTitle.validate("", "x"));
        assertThrows(IllegalArgumentException.class, () -> AeTitle.validate("A\\B", "x"));
        assertThrows(IllegalArgumentException.class, () -> AeTitle.validate("A\tB", "x"));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void item(ByteArrayOutputStream out, int type, byte[] v) {
        out.write(type);
        out.write(0);
        out.write(v.length >> 8);
        out.write(v.length);
        out.writeBytes(v);
    }

    static byte[] withHeader(int type, byte[] body) {
        byte[] pdu = new byte[6 + body.length];
        pdu[0] = (byte) type;
        PduCodec.putInt(pdu, 2, body.length);
        System.arraycopy(body, 0, pdu, 6, body.length);
        return pdu;
    }
}
