package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileScp.findRsp;
import static io.dicomfind.dicom.net.hostile.HostileScp.patient;
import static io.dicomfind.dicom.net.hostile.HostileScp.pdv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import org.junit.jupiter.api.Test;

/** A-ABORT at every phase, A-RELEASE misuse (PS3.8 7.2, 7.3, 9.2 state table). */
class ReleaseAndAbortTest extends HostileTestBase {

    @Test
    void abortBeforeAnyResponse() throws Exception {
        Outcome o = expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.send(new AAbort(0, 0));
        }, "waiting for C-FIND-RSP 1 (message ID 1): association aborted by service-user");
        assertEquals(java.util.List.of(), o.clientSent(), "nothing is sent back to an A-ABORT");
    }

    @Test
    void abortBetweenPendingResponses() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
            p.send(new AAbort(2, 2));
        }, "waiting for C-FIND-RSP 2 (message ID 1): association aborted by service-provider: unexpected-PDU");
    }

    @Test
    void abortBetweenCommandAndDataSet() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000))));
            p.send(new AAbort(2, 6));
        }, "aborted by service-provider: invalid-PDU-parameter-value");
    }

    @Test
    void abortWithUnknownSourceAndReason() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.send(new AAbort(9, 77));
        }, "association aborted by unknown source 9");
    }

    @Test
    void abortAfterTheCancel() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
            p.readRequest(); // C-CANCEL-RQ
            p.send(new AAbort(0, 0));
        }, config().build(), c -> {
            try (Association as = Association.open(c);
                    FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
                q.nextResponse();
                q.cancel();
                q.nextResponse();
            }
        }, "after C-CANCEL", "association aborted by service-user");
    }

    @Test
    void abortInsteadOfReleaseResponse() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.readPdu();
            p.send(new AAbort(2, 0));
        }, config().build(), TimingTest.FIND_THEN_RELEASE,
                "waiting for A-RELEASE-RP: association aborted by service-provider");
    }

    @Test
    void abortDuringEcho() throws Exception {
        expect(AssociationAbortedException.class, p -> {
            p.acceptAndReadFind();
            p.send(new AAbort(0, 0));
        }, config().abstractSyntaxes(SopClasses.VERIFICATION).build(), c -> {
            try (Association as = Association.open(c)) {
                as.echo();
            }
        }, "waiting for C-ECHO-RSP (message ID 1): association aborted by service-user");
    }

    @Test
    void releaseRequestDuringFind() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.send(new AReleaseRq());
        }, "waiting for C-FIND-RSP 1 (message ID 1): peer sent A-RELEASE-RQ while our request was outstanding");
        assertEquals(new AAbort(2, 2), o.clientSent().get(0));
    }

    @Test
    void connectionClosedInsteadOfReleaseResponse() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.readPdu();
            p.close();
        }, config().build(), TimingTest.FIND_THEN_RELEASE, "connection closed by peer before A-RELEASE-RP");
    }

    @Test
    void connectionResetInsteadOfReleaseResponse() throws Exception {
        expect(DicomNetworkException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.readPdu();
            p.reset();
        }, config().build(), TimingTest.FIND_THEN_RELEASE, "waiting for A-RELEASE-RP", "Connection reset");
    }

    /** Release collision (PS3.8 9.2.2): the requestor answers the peer's A-RELEASE-RQ and waits for its RP. */
    @Test
    void releaseCollisionIsResolved() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.readPdu();
            p.send(new AReleaseRq());
            if (!(p.readPdu() instanceof AReleaseRp)) {
                throw new AssertionError("client did not answer the collision");
            }
            p.send(new AReleaseRp());
        }, config().build(), TimingTest.FIND_THEN_RELEASE);
    }
}
