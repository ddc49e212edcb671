package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileScp.findRsp;
import static io.dicomfind.dicom.net.hostile.HostileScp.patient;
import static io.dicomfind.dicom.net.hostile.HostileScp.pdv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.net.AcseTimeoutException;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.DimseTimeoutException;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Stalls at every phase and a one-byte-per-second peer: the ACSE and DIMSE timers must end each (PS3.8 9.1.4). */
class TimingTest extends HostileTestBase {

    /** A C-FIND then a release, the release being the step that stalls in some tests. */
    static final ClientCall FIND_THEN_RELEASE = c -> {
        Association as = Association.open(c);
        try (FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
            while (q.nextResponse() != null) {
                // read to the end
            }
        }
        as.release();
    };

    @Test
    void noResponseToTheFind() throws Exception {
        Outcome o = expect(DimseTimeoutException.class, p -> p.acceptAndReadFind(),
                "waiting for C-FIND-RSP 1 (message ID 1): no response within the DIMSE timeout of 1 s; "
                        + "association aborted");
        assertEquals(new AAbort(0, 0), o.clientSent().get(0));
    }

    @Test
    void stallInsideAPduHeader() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            p.sendRaw(new byte[] {4, 0, 0});
        }, "no response within the DIMSE timeout of 1 s");
    }

    @Test
    void stallAfterTheCommandOfAMatch() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000))));
        }, "waiting for C-FIND-RSP 1", "no response within the DIMSE timeout of 1 s");
    }

    @Test
    void stallBetweenPendingResponses() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
        }, "waiting for C-FIND-RSP 2 (message ID 1): no response within the DIMSE timeout of 1 s");
    }

    @Test
    void stallAfterTheCancel() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
        }, config().build(), c -> {
            try (Association as = Association.open(c);
                    FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
                q.nextResponse();
                q.cancel();
                q.nextResponse();
            }
        }, "waiting for C-FIND-RSP 2 (message ID 1) after C-CANCEL", "no response within the DIMSE timeout");
    }

    @Test
    void noReleaseResponse() throws Exception {
        expect(AcseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.readPdu(); // A-RELEASE-RQ, never answered
        }, config().build(), FIND_THEN_RELEASE,
                "waiting for A-RELEASE-RP: no answer within the ACSE timeout of 1 s");
    }

    @Test
    void dataInsteadOfReleaseResponseForever() throws Exception {
        expect(AcseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            if (!(p.readPdu() instanceof AReleaseRq)) {
                throw new AssertionError("expected A-RELEASE-RQ");
            }
            while (true) {
                p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
                Thread.sleep(50);
            }
        }, config().build(), FIND_THEN_RELEASE, "waiting for A-RELEASE-RP: no answer within the ACSE timeout");
    }

    @Test
    void responseAtOneBytePerSecond() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0, 0x0101));
            b.writeBytes(HostileScp.pduHeader(4, cmd.length + 6));
            b.writeBytes(new byte[] {0, 0, 0, (byte) (cmd.length + 2), 1, 3});
            b.writeBytes(cmd);
            p.trickle(b.toByteArray(), 1000);
        }, "waiting for C-FIND-RSP 1 (message ID 1): no response within the DIMSE timeout of 1 s");
    }

    /** Each byte comes faster than the socket timeout, so only the DIMSE timer (whole message) can end it. */
    @Test
    void responseAtOneBytePerHundredMillisecondsOutlastingTheDimseTimeout() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0, 0x0101));
            byte[] pdu = HostileScp.concat(HostileScp.pduHeader(4, cmd.length + 6),
                    new byte[] {0, 0, 0, (byte) (cmd.length + 2), 1, 3}, cmd);
            p.trickle(Arrays.copyOf(pdu, pdu.length), 100);
        }, "no response within the DIMSE timeout of 1 s");
    }
}
