package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileBehaviour.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.net.pdu.AAbort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A-ABORT at every phase, A-RELEASE misuse (PS3.8 7.2, 7.3, 9.2 state table). */
class ReleaseAndAbortTest extends HostileTestBase {

    @Test
    void abortBeforeAnyResponse() throws Exception {
        Outcome o = expect(ABORT_BEFORE_ANY_RESPONSE);
        assertEquals(List.of(), o.clientSent(), "nothing is sent back to an A-ABORT");
    }

    @Test
    void abortBetweenPendingResponses() throws Exception {
        expect(ABORT_BETWEEN_PENDING_RESPONSES);
    }

    @Test
    void abortBetweenCommandAndDataSet() throws Exception {
        expect(ABORT_BETWEEN_COMMAND_AND_DATA_SET);
    }

    @Test
    void abortWithUnknownSourceAndReason() throws Exception {
        expect(ABORT_WITH_UNKNOWN_SOURCE_AND_REASON);
    }

    @Test
    void abortAfterTheCancel() throws Exception {
        expect(ABORT_AFTER_THE_CANCEL);
    }

    @Test
    void abortInsteadOfReleaseResponse() throws Exception {
        expect(ABORT_INSTEAD_OF_RELEASE_RESPONSE);
    }

    @Test
    void abortDuringEcho() throws Exception {
        expect(ABORT_DURING_ECHO);
    }

    @Test
    void releaseRequestDuringFind() throws Exception {
        Outcome o = expect(RELEASE_REQUEST_DURING_FIND);
        assertEquals(new AAbort(2, 2), o.clientSent().get(0));
    }

    @Test
    void connectionClosedInsteadOfReleaseResponse() throws Exception {
        expect(CONNECTION_CLOSED_INSTEAD_OF_RELEASE_RESPONSE);
    }

    @Test
    void connectionResetInsteadOfReleaseResponse() throws Exception {
        expect(CONNECTION_RESET_INSTEAD_OF_RELEASE_RESPONSE);
    }

    /** Release collision (PS3.8 9.2.2): the requestor answers the peer's A-RELEASE-RQ and waits for its RP. */
    @Test
    void releaseCollisionIsResolved() throws Exception {
        tolerate(RELEASE_COLLISION, FIND_THEN_RELEASE);
    }
}
