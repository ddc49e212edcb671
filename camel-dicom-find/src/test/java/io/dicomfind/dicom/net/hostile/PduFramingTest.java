package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileScp.concat;
import static io.dicomfind.dicom.net.hostile.HostileScp.findRsp;
import static io.dicomfind.dicom.net.hostile.HostileScp.patient;
import static io.dicomfind.dicom.net.hostile.HostileScp.pduHeader;
import static io.dicomfind.dicom.net.hostile.HostileScp.pdv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AAssociateRj;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Upper Layer framing broken after the association was accepted (PS3.8 9.3.1, 9.3.5, Annex E). */
class PduFramingTest extends HostileTestBase {

    /** A P-DATA-TF whose body is exactly {@code body}. */
    static byte[] pdata(byte[] body) {
        return concat(pduHeader(4, body.length), body);
    }

    /** A PDV item: length, context, control header, fragment. */
    static byte[] pdvItem(long length, int ctx, int header, byte[] fragment) {
        return concat(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length, (byte) ctx, (byte) header}, fragment);
    }

    static byte[] successCommand(int messageId) {
        return CommandSet.encode(findRsp(messageId, 0, 0x0101));
    }

    @Test
    void garbageInsteadOfPData() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(Raw.ascii("GARBAGE GARBAGE GARBAGE"));
        }, "waiting for C-FIND-RSP 1 (message ID 1)", "received unrecognized PDU type 0x47");
        assertEquals(new AAbort(2, 1), o.clientSent().get(0));
    }

    /** PDU length 0 is also a P-DATA-TF with zero PDVs. */
    @Test
    void pDataWithLengthZeroAndNoPdv() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(pduHeader(4, 0));
        }, "P-DATA-TF without any PDV item");
        assertEquals(new AAbort(2, 6), o.clientSent().get(0));
    }

    @Test
    void pDataWithLengthFFFFFFFF() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(pduHeader(4, 0xFFFFFFFFL));
        }, "P-DATA-TF declares PDU length 4294967295, more than the 16384 bytes we accept (our maximum receive PDU "
                + "length)");
    }

    @Test
    void pDataLongerThanTheStream() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = successCommand(p.messageId);
            p.sendRaw(concat(pduHeader(4, cmd.length + 6 + 100), pdvItem(cmd.length + 2, 1, 3, cmd)));
            p.close();
        }, "connection closed by peer inside a PDU", "of P-DATA-TF");
    }

    @Test
    void pDataShorterThanItsPdv() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = successCommand(p.messageId);
            byte[] item = pdvItem(cmd.length + 2, 1, 3, cmd);
            p.sendRaw(concat(pduHeader(4, 20), item)); // the PDU ends inside its PDV
        }, "P-DATA-TF: PDV item 1 declares length " + (successCommand(1).length + 2) + " but 16 bytes remain");
    }

    @Test
    void pdvLengthTwoBytesShortOfItsPdu() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = successCommand(p.messageId);
            p.sendRaw(pdata(pdvItem(cmd.length, 1, 3, cmd)));
        }, "P-DATA-TF: 2 trailing bytes after PDV item 1 cannot hold a PDV item header");
    }

    @Test
    void pdvLengthBelowTwo() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(pdata(pdvItem(1, 1, 3, new byte[4])));
        }, "PDV item 1 declares length 1");
    }

    @Test
    void oddFragment() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = successCommand(p.messageId);
            p.sendPdvs(new Pdv(1, 3, cmd, 0, cmd.length - 1));
        }, "fragments must have even length");
    }

    @Test
    void pdvForAnUnknownPresentationContext() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(7, 3, successCommand(p.messageId)));
        }, "for presentation context ID 7, which was not accepted on this association");
        assertEquals(new AAbort(2, 6), o.clientSent().get(0));
    }

    @Test
    void abortPduWithLengthZero() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(pduHeader(7, 0));
        }, "A-ABORT with PDU length 0 (must be 4)");
    }

    @Test
    void releaseResponseWithLengthBeyondTheCap() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(pduHeader(6, 70_000));
        }, "A-RELEASE-RP declares PDU length 70000, more than the 65536 bytes we accept");
    }

    @Test
    void connectionResetMidPdu() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = successCommand(p.messageId);
            p.sendRaw(Arrays.copyOf(pdata(pdvItem(cmd.length + 2, 1, 3, cmd)), 20));
            Thread.sleep(100); // let the half PDU arrive first
            p.reset();
        }, "waiting for C-FIND-RSP 1", "Connection reset");
    }

    @Test
    void connectionClosedMidPdu() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = successCommand(p.messageId);
            p.sendRaw(Arrays.copyOf(pdata(pdvItem(cmd.length + 2, 1, 3, cmd)), 20));
            p.close();
        }, "connection closed by peer inside a PDU (14 of " + (successCommand(1).length + 6) + " bytes of P-DATA-TF)");
    }

    @Test
    void connectionClosedAfterTheRequest() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.acceptAndReadFind();
            p.close();
        }, "waiting for C-FIND-RSP 1 (message ID 1): connection closed by peer (A-P-ABORT)");
    }

    @Test
    void secondAssociateAcceptDuringFind() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(Raw.goodAc());
        }, "waiting for C-FIND-RSP 1 (message ID 1): unexpected A-ASSOCIATE-AC");
    }

    @Test
    void associateRejectDuringFind() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.send(new AAssociateRj(1, 1, 1));
        }, "unexpected A-ASSOCIATE-RJ");
    }

    @Test
    void unsolicitedReleaseResponseDuringFind() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.send(new AReleaseRp());
        }, "unexpected A-RELEASE-RP");
        assertEquals(new AAbort(2, 2), o.clientSent().get(0), "unexpected-PDU");
    }

    // ---------------------------------------------------------------- tolerated (PS3.8 9.3.5, E.2)

    @Test
    void reservedControlHeaderBitsAreIgnored() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000));
            byte[] data = io.dicomfind.dicom.io.DataSetWriter.toBytes(patient("BITS^SET"), p.ts,
                    io.dicomfind.dicom.io.EncodeOptions.DEFAULT);
            p.sendPdvs(pdv(1, 0xFF, cmd)); // command + last, with bits 2-7 set
            p.sendPdvs(pdv(1, 0xFE, data)); // data + last
            p.sendPdvs(pdv(1, 0x07, successCommand(p.messageId)));
            p.serveGood();
        }, config().build(), c -> assertEquals("BITS^SET", findAll(c).get(0).identifier()
                .getString(io.dicomfind.dicom.data.Tag.PatientName)));
    }

    @Test
    void commandAndDataInOnePduSplitIntoTwoByteFragments() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000));
            byte[] data = io.dicomfind.dicom.io.DataSetWriter.toBytes(patient("TINY^PIECES"), p.ts,
                    io.dicomfind.dicom.io.EncodeOptions.DEFAULT);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < cmd.length; i += 2) {
                body.writeBytes(pdvItem(4, 1, 1 | (i + 2 == cmd.length ? 2 : 0), Arrays.copyOfRange(cmd, i, i + 2)));
            }
            for (int i = 0; i < data.length; i += 2) {
                body.writeBytes(pdvItem(4, 1, i + 2 == data.length ? 2 : 0, Arrays.copyOfRange(data, i, i + 2)));
            }
            p.sendRaw(pdata(body.toByteArray()));
            p.sendPdvs(pdv(1, 3, successCommand(p.messageId)));
            p.serveGood();
        }, config().build(), c -> assertEquals("TINY^PIECES", findAll(c).get(0).identifier()
                .getString(io.dicomfind.dicom.data.Tag.PatientName)));
    }
}
