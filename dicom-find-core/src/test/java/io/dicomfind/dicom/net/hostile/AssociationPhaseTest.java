package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileBehaviour.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import org.junit.jupiter.api.Test;

/** The SCP misbehaves while answering the A-ASSOCIATE-RQ (PS3.8 9.3.2-9.3.4); behaviours in {@link HostileBehaviour}. */
class AssociationPhaseTest extends HostileTestBase {

    @Test
    void garbageInsteadOfAPdu() throws Exception {
        Outcome o = expect(GARBAGE_INSTEAD_OF_A_PDU);
        assertEquals(new AAbort(2, 1), o.clientSent().get(0), "provider abort, unrecognized-PDU");
    }

    @Test
    void unknownPduType() throws Exception {
        Outcome o = expect(UNKNOWN_PDU_TYPE);
        assertEquals(new AAbort(2, 1), o.clientSent().get(0));
    }

    @Test
    void connectionClosedInsteadOfAnswer() throws Exception {
        expect(CONNECTION_CLOSED_INSTEAD_OF_ANSWER);
    }

    @Test
    void noAnswerAtAll() throws Exception {
        expect(NO_ANSWER_AT_ALL);
    }

    @Test
    void rejectWithUnknownResultSourceAndReason() throws Exception {
        Outcome o = expect(REJECT_WITH_UNKNOWN_RESULT_SOURCE_AND_REASON);
        assertTrue(o.clientSent().isEmpty(), "nothing to answer to a rejection: " + o.clientSent());
    }

    @Test
    void abortInsteadOfAnswer() throws Exception {
        expect(ABORT_INSTEAD_OF_ANSWER);
    }

    @Test
    void acceptWithPduLengthZero() throws Exception {
        expect(ACCEPT_WITH_PDU_LENGTH_ZERO);
    }

    @Test
    void acceptWithPduLengthSmallerThanItsContent() throws Exception {
        expect(ACCEPT_WITH_PDU_LENGTH_SMALLER_THAN_ITS_CONTENT);
    }

    @Test
    void acceptWithPduLengthLargerThanTheStream() throws Exception {
        expect(ACCEPT_WITH_PDU_LENGTH_LARGER_THAN_THE_STREAM);
    }

    @Test
    void acceptWithPduLengthFFFFFFFF() throws Exception {
        expect(ACCEPT_WITH_PDU_LENGTH_FFFFFFFF);
    }

    @Test
    void itemLengthRunningPastThePdu() throws Exception {
        expect(ITEM_LENGTH_RUNNING_PAST_THE_PDU);
    }

    @Test
    void acceptWithoutAnyAcceptedContext() throws Exception {
        Outcome o = expect(ACCEPT_WITHOUT_ANY_ACCEPTED_CONTEXT);
        assertTrue(o.clientSent().isEmpty() || o.clientSent().get(0) instanceof AReleaseRq, "" + o.clientSent());
    }

    @Test
    void acceptAnsweringOnlyAContextThatWasNotProposed() throws Exception {
        expect(ACCEPT_ANSWERING_ONLY_A_CONTEXT_THAT_WAS_NOT_PROPOSED);
    }

    @Test
    void acceptWithATransferSyntaxThatWasNotProposed() throws Exception {
        expect(ACCEPT_WITH_A_TRANSFER_SYNTAX_THAT_WAS_NOT_PROPOSED);
    }

    @Test
    void acceptedContextWithoutTransferSyntax() throws Exception {
        expect(ACCEPTED_CONTEXT_WITHOUT_TRANSFER_SYNTAX);
    }

    @Test
    void acceptWithoutUserInformation() throws Exception {
        expect(ACCEPT_WITHOUT_USER_INFORMATION);
    }

    /** Defined: below 8 bytes no P-DATA-TF can carry a fragment, so the association is aborted at once. */
    @Test
    void acceptWithMaximumPduLengthOfOneByte() throws Exception {
        Outcome o = expect(ACCEPT_WITH_MAXIMUM_PDU_LENGTH_OF_ONE_BYTE);
        assertEquals(new AAbort(2, 6), o.clientSent().get(0), "invalid-PDU-parameter-value");
    }

    @Test
    void maximumLengthSubItemOfWrongSize() throws Exception {
        expect(MAXIMUM_LENGTH_SUB_ITEM_OF_WRONG_SIZE);
    }

    @Test
    void theirOwnAssociateRequestInsteadOfAnAnswer() throws Exception {
        expect(THEIR_OWN_ASSOCIATE_REQUEST_INSTEAD_OF_AN_ANSWER);
    }

    @Test
    void dataBeforeTheAnswer() throws Exception {
        expect(DATA_BEFORE_THE_ANSWER);
    }

    @Test
    void connectionResetInsteadOfAnswer() throws Exception {
        expect(CONNECTION_RESET_INSTEAD_OF_ANSWER);
    }

    @Test
    void answerTruncatedThenSilence() throws Exception {
        expect(ANSWER_TRUNCATED_THEN_SILENCE);
    }

    @Test
    void answerAtOneBytePerSecond() throws Exception {
        expect(ANSWER_AT_ONE_BYTE_PER_SECOND);
    }

    // ---------------------------------------------------------------- tolerated (PS3.8 9.3.1: ignore unknown items)

    @Test
    void unknownItemsAndSubItemsAreIgnored() throws Exception {
        tolerate(UNKNOWN_ITEMS_AND_SUB_ITEMS, HostileTestBase::findAll);
    }

    /** Only one application context exists (PS3.7 A.2.1); another name is logged and the association used. */
    @Test
    void differentApplicationContextIsLoggedAndTolerated() throws Exception {
        tolerate(DIFFERENT_APPLICATION_CONTEXT, c -> assertEquals(2, findAll(c).size()));
    }

    @Test
    void maximumPduLengthFFFFFFFFIsTolerated() throws Exception {
        tolerate(MAXIMUM_PDU_LENGTH_FFFFFFFF, c -> assertEquals(2, findAll(c).size()));
    }
}
