package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.Raw.ac;
import static io.dicomfind.dicom.net.hostile.Raw.appContext;
import static io.dicomfind.dicom.net.hostile.Raw.ascii;
import static io.dicomfind.dicom.net.hostile.Raw.item;
import static io.dicomfind.dicom.net.hostile.Raw.maxLength;
import static io.dicomfind.dicom.net.hostile.Raw.pcAc;
import static io.dicomfind.dicom.net.hostile.Raw.userInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.AcseTimeoutException;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AAssociateRj;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The SCP misbehaves while answering the A-ASSOCIATE-RQ (PS3.8 9.3.2-9.3.4). */
class AssociationPhaseTest extends HostileTestBase {
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    @Test
    void garbageInsteadOfAPdu() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
        }, "waiting for A-ASSOCIATE-AC", "received unrecognized PDU type 0x48");
        assertEquals(new AAbort(2, 1), o.clientSent().get(0), "provider abort, unrecognized-PDU");
    }

    @Test
    void unknownPduType() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(HostileScp.concat(HostileScp.pduHeader(0x09, 4), new byte[4]));
        }, "received unrecognized PDU type 0x09 (length 4)");
        assertEquals(new AAbort(2, 1), o.clientSent().get(0));
    }

    @Test
    void connectionClosedInsteadOfAnswer() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.readRq();
            p.close();
        }, "connection closed by peer instead of answering the A-ASSOCIATE-RQ");
    }

    @Test
    void noAnswerAtAll() throws Exception {
        expect(AcseTimeoutException.class, p -> p.readRq(),
                "waiting for A-ASSOCIATE-AC: no answer within the ACSE timeout of 1 s");
    }

    @Test
    void rejectWithUnknownResultSourceAndReason() throws Exception {
        Outcome o = expect(AssociationRejectedException.class, p -> {
            p.readRq();
            p.send(new AAssociateRj(9, 7, 99));
        }, "association rejected by", "rejected (unknown result 9) by unknown source 7: reserved reason 99");
        assertTrue(o.clientSent().isEmpty(), "nothing to answer to a rejection: " + o.clientSent());
    }

    @Test
    void abortInsteadOfAnswer() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.readRq();
            p.send(new AAbort(2, 0));
        }, "waiting for A-ASSOCIATE-AC: association aborted by service-provider: reason-not-specified");
    }

    @Test
    void acceptWithPduLengthZero() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(HostileScp.pduHeader(2, 0));
        }, "A-ASSOCIATE-AC with PDU length 0 (the fixed fields alone take 68 bytes)");
    }

    @Test
    void acceptWithPduLengthSmallerThanItsContent() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            byte[] ac = Raw.goodAc();
            byte[] lying = ac.clone();
            System.arraycopy(HostileScp.pduHeader(2, 74), 0, lying, 0, 6); // 68 fixed + 6 bytes of the first item
            p.sendRaw(lying);
        }, "A-ASSOCIATE-AC: item type 0x10 declares length 21 but only 2 bytes remain");
    }

    @Test
    void acceptWithPduLengthLargerThanTheStream() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.readRq();
            byte[] ac = Raw.goodAc();
            System.arraycopy(HostileScp.pduHeader(2, ac.length - 6 + 1000), 0, ac, 0, 6);
            p.sendRaw(ac);
            p.close();
        }, "connection closed by peer inside a PDU");
    }

    @Test
    void acceptWithPduLengthFFFFFFFF() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(HostileScp.pduHeader(2, 0xFFFFFFFFL));
        }, "A-ASSOCIATE-AC declares PDU length 4294967295, more than the 65536 bytes we accept");
    }

    @Test
    void itemLengthRunningPastThePdu() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), item(0x21, 0xFFFF, new byte[] {1, 0, 0, 0})));
        }, "item type 0x21 declares length 65535 but only 4 bytes remain");
    }

    @Test
    void acceptWithoutAnyAcceptedContext() throws Exception {
        Outcome o = expect(NoPresentationContextException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 3, null), Raw.userInfo()));
            p.serveGood(); // answers the client's release
        }, "accepted the association but none of the proposed presentation contexts", "abstract-syntax-not-supported");
        assertTrue(o.clientSent().isEmpty() || o.clientSent().get(0) instanceof AReleaseRq, "" + o.clientSent());
    }

    @Test
    void acceptAnsweringOnlyAContextThatWasNotProposed() throws Exception {
        expect(NoPresentationContextException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(5, 0, EXPLICIT_LE), Raw.userInfo()));
            p.serveGood();
        }, "none of the proposed presentation contexts");
    }

    @Test
    void acceptWithATransferSyntaxThatWasNotProposed() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 0, "1.2.840.10008.1.2.4.50"), Raw.userInfo()));
        }, "presentation context 1 accepted with transfer syntax 1.2.840.10008.1.2.4.50, which we did not propose");
    }

    @Test
    void acceptedContextWithoutTransferSyntax() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 0, null), Raw.userInfo()));
        }, "accepted presentation context 1 names no transfer syntax");
    }

    @Test
    void acceptWithoutUserInformation() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 0, EXPLICIT_LE)));
        }, "A-ASSOCIATE-AC without User Information item");
    }

    /** Defined: below 8 bytes no P-DATA-TF can carry a fragment, so the association is aborted at once. */
    @Test
    void acceptWithMaximumPduLengthOfOneByte() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 0, EXPLICIT_LE), userInfo(maxLength(1))));
        }, "A-ASSOCIATE-AC declares a maximum PDU length of 1 bytes, too small for any P-DATA-TF (at least 8");
        assertEquals(new AAbort(2, 6), o.clientSent().get(0), "invalid-PDU-parameter-value");
    }

    @Test
    void maximumLengthSubItemOfWrongSize() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 0, EXPLICIT_LE), userInfo(item(0x51, new byte[2]))));
        }, "maximum length sub-item of length 2 (must be 4)");
    }

    @Test
    void theirOwnAssociateRequestInsteadOfAnAnswer() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.send(p.readRq());
        }, "waiting for A-ASSOCIATE-AC: unexpected A-ASSOCIATE-RQ");
    }

    @Test
    void dataBeforeTheAnswer() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.readRq();
            p.sendPdvs(HostileScp.pdv(1, 3, new byte[8]));
        }, "unexpected P-DATA-TF");
    }

    @Test
    void connectionResetInsteadOfAnswer() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.readRq();
            p.reset();
        }, "waiting for A-ASSOCIATE-AC", "Connection reset");
    }

    @Test
    void answerTruncatedThenSilence() throws Exception {
        expect(AcseTimeoutException.class, p -> {
            p.readRq();
            p.sendRaw(Arrays.copyOf(Raw.goodAc(), 40));
        }, "no answer within the ACSE timeout of 1 s");
    }

    @Test
    void answerAtOneBytePerSecond() throws Exception {
        expect(AcseTimeoutException.class, p -> {
            p.readRq();
            p.trickle(Raw.goodAc(), 1000);
        }, "waiting for A-ASSOCIATE-AC: no answer within the ACSE timeout of 1 s");
    }

    // ---------------------------------------------------------------- tolerated (PS3.8 9.3.1: ignore unknown items)

    @Test
    void unknownItemsAndSubItemsAreIgnored() throws Exception {
        tolerate(p -> {
            p.readRq();
            p.sendRaw(ac(item(0x99, ascii("odd item")), appContext(), pcAc(1, 0, EXPLICIT_LE),
                    item(0x5A, new byte[0]),
                    userInfo(item(0x5F, ascii("unknown sub-item")), maxLength(16384),
                            item(0x52, ascii("1.2.3")), item(0x53, new byte[] {0, 1, 0, 1}))));
            p.serveGood();
        }, config().build(), HostileTestBase::findAll);
    }

    /** Only one application context exists (PS3.7 A.2.1); another name is logged and the association used. */
    @Test
    void differentApplicationContextIsLoggedAndTolerated() throws Exception {
        tolerate(p -> {
            p.readRq();
            p.sendRaw(ac(appContext("1.2.3.4.5.6"), pcAc(1, 0, EXPLICIT_LE), Raw.userInfo()));
            p.serveGood();
        }, config().build(), c -> assertEquals(2, findAll(c).size()));
    }

    @Test
    void maximumPduLengthFFFFFFFFIsTolerated() throws Exception {
        tolerate(p -> {
            p.readRq();
            p.sendRaw(ac(appContext(), pcAc(1, 0, EXPLICIT_LE), userInfo(maxLength(0xFFFFFFFFL))));
            p.serveGood();
        }, config().build(), c -> assertEquals(2, findAll(c).size()));
    }
}
