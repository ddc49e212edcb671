package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileBehaviour.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.pdu.AAbort;
import org.junit.jupiter.api.Test;

/** Upper Layer framing broken after the association was accepted (PS3.8 9.3.1, 9.3.5, Annex E). */
class PduFramingTest extends HostileTestBase {

    @Test
    void garbageInsteadOfPData() throws Exception {
        Outcome o = expect(GARBAGE_INSTEAD_OF_P_DATA);
        assertEquals(new AAbort(2, 1), o.clientSent().get(0));
    }

    /** PDU length 0 is also a P-DATA-TF with zero PDVs. */
    @Test
    void pDataWithLengthZeroAndNoPdv() throws Exception {
        Outcome o = expect(P_DATA_WITH_LENGTH_ZERO_AND_NO_PDV);
        assertEquals(new AAbort(2, 6), o.clientSent().get(0));
    }

    @Test
    void pDataWithLengthFFFFFFFF() throws Exception {
        expect(P_DATA_WITH_LENGTH_FFFFFFFF);
    }

    @Test
    void pDataLongerThanTheStream() throws Exception {
        expect(P_DATA_LONGER_THAN_THE_STREAM);
    }

    @Test
    void pDataShorterThanItsPdv() throws Exception {
        expect(P_DATA_SHORTER_THAN_ITS_PDV);
    }

    @Test
    void pdvLengthTwoBytesShortOfItsPdu() throws Exception {
        expect(PDV_LENGTH_TWO_BYTES_SHORT_OF_ITS_PDU);
    }

    @Test
    void pdvLengthBelowTwo() throws Exception {
        expect(PDV_LENGTH_BELOW_TWO);
    }

    @Test
    void oddFragment() throws Exception {
        expect(ODD_FRAGMENT);
    }

    @Test
    void pdvForAnUnknownPresentationContext() throws Exception {
        Outcome o = expect(PDV_FOR_AN_UNKNOWN_PRESENTATION_CONTEXT);
        assertEquals(new AAbort(2, 6), o.clientSent().get(0));
    }

    @Test
    void abortPduWithLengthZero() throws Exception {
        expect(ABORT_PDU_WITH_LENGTH_ZERO);
    }

    @Test
    void releaseResponseWithLengthBeyondTheCap() throws Exception {
        expect(RELEASE_RESPONSE_WITH_LENGTH_BEYOND_THE_CAP);
    }

    @Test
    void connectionResetMidPdu() throws Exception {
        expect(CONNECTION_RESET_MID_PDU);
    }

    @Test
    void connectionClosedMidPdu() throws Exception {
        expect(CONNECTION_CLOSED_MID_PDU);
    }

    @Test
    void connectionClosedAfterTheRequest() throws Exception {
        expect(CONNECTION_CLOSED_AFTER_THE_REQUEST);
    }

    @Test
    void secondAssociateAcceptDuringFind() throws Exception {
        expect(SECOND_ASSOCIATE_ACCEPT_DURING_FIND);
    }

    @Test
    void associateRejectDuringFind() throws Exception {
        expect(ASSOCIATE_REJECT_DURING_FIND);
    }

    @Test
    void unsolicitedReleaseResponseDuringFind() throws Exception {
        Outcome o = expect(UNSOLICITED_RELEASE_RESPONSE_DURING_FIND);
        assertEquals(new AAbort(2, 2), o.clientSent().get(0), "unexpected-PDU");
    }

    // ---------------------------------------------------------------- tolerated (PS3.8 9.3.5, E.2)

    @Test
    void reservedControlHeaderBitsAreIgnored() throws Exception {
        tolerate(RESERVED_CONTROL_HEADER_BITS,
                c -> assertEquals("BITS^SET", findAll(c).get(0).identifier().getString(Tag.PatientName)));
    }

    @Test
    void commandAndDataInOnePduSplitIntoTwoByteFragments() throws Exception {
        tolerate(COMMAND_AND_DATA_IN_ONE_PDU_SPLIT_INTO_TWO_BYTE_FRAGMENTS,
                c -> assertEquals("TINY^PIECES", findAll(c).get(0).identifier().getString(Tag.PatientName)));
    }
}
