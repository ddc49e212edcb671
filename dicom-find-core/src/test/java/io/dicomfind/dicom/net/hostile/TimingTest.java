package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileBehaviour.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.net.pdu.AAbort;
import org.junit.jupiter.api.Test;

/** Stalls at every phase and a one-byte-per-second peer: the ACSE and DIMSE timers must end each (PS3.8 9.1.4). */
class TimingTest extends HostileTestBase {

    @Test
    void noResponseToTheFind() throws Exception {
        Outcome o = expect(NO_RESPONSE_TO_THE_FIND);
        assertEquals(new AAbort(0, 0), o.clientSent().get(0));
    }

    @Test
    void stallInsideAPduHeader() throws Exception {
        expect(STALL_INSIDE_A_PDU_HEADER);
    }

    @Test
    void stallAfterTheCommandOfAMatch() throws Exception {
        expect(STALL_AFTER_THE_COMMAND_OF_A_MATCH);
    }

    @Test
    void stallBetweenPendingResponses() throws Exception {
        expect(STALL_BETWEEN_PENDING_RESPONSES);
    }

    @Test
    void stallAfterTheCancel() throws Exception {
        expect(STALL_AFTER_THE_CANCEL);
    }

    @Test
    void noReleaseResponse() throws Exception {
        expect(NO_RELEASE_RESPONSE);
    }

    @Test
    void dataInsteadOfReleaseResponseForever() throws Exception {
        expect(DATA_INSTEAD_OF_RELEASE_RESPONSE_FOREVER);
    }

    @Test
    void responseAtOneBytePerSecond() throws Exception {
        expect(RESPONSE_AT_ONE_BYTE_PER_SECOND);
    }

    /** Each byte comes faster than the socket timeout, so only the DIMSE timer (whole message) can end it. */
    @Test
    void responseAtOneBytePerHundredMillisecondsOutlastingTheDimseTimeout() throws Exception {
        expect(RESPONSE_AT_ONE_BYTE_PER_HUNDRED_MILLISECONDS);
    }
}
