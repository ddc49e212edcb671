package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileBehaviour.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.pdu.AAbort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DIMSE messages that are well framed but wrong (PS3.7 6.3, 9.1.2, 9.3.2, E.1) or hostile data sets. */
class DimseTest extends HostileTestBase {

    @Test
    void commandWithoutStatus() throws Exception {
        Outcome o = expect(COMMAND_WITHOUT_STATUS);
        assertEquals(new AAbort(0, 0), o.clientSent().get(0), "DIMSE errors: service-user abort");
    }

    @Test
    void statusZeroHiddenInTheDataSetInsteadOfTheCommand() throws Exception {
        expect(STATUS_ZERO_HIDDEN_IN_THE_DATA_SET_INSTEAD_OF_THE_COMMAND);
    }

    @Test
    void statusOfFourBytes() throws Exception {
        expect(STATUS_OF_FOUR_BYTES);
    }

    @Test
    void commandWithoutDataSetType() throws Exception {
        expect(COMMAND_WITHOUT_DATA_SET_TYPE);
    }

    @Test
    void dataSetWithoutCommand() throws Exception {
        expect(DATA_SET_WITHOUT_COMMAND);
    }

    @Test
    void dataFragmentBeforeTheLastCommandFragment() throws Exception {
        expect(DATA_FRAGMENT_BEFORE_THE_LAST_COMMAND_FRAGMENT);
    }

    @Test
    void commandFragmentWhereTheDataSetWasAnnounced() throws Exception {
        expect(COMMAND_FRAGMENT_WHERE_THE_DATA_SET_WAS_ANNOUNCED);
    }

    @Test
    void wrongMessageIdBeingRespondedTo() throws Exception {
        expect(WRONG_MESSAGE_ID_BEING_RESPONDED_TO);
    }

    @Test
    void responseOfAnotherService() throws Exception {
        expect(RESPONSE_OF_ANOTHER_SERVICE);
    }

    @Test
    void responseOnAnotherAcceptedPresentationContext() throws Exception {
        expect(RESPONSE_ON_ANOTHER_ACCEPTED_PRESENTATION_CONTEXT);
    }

    @Test
    void messageSwitchingPresentationContextMidway() throws Exception {
        expect(MESSAGE_SWITCHING_PRESENTATION_CONTEXT_MIDWAY);
    }

    @Test
    void echoAnsweredWithAFindResponse() throws Exception {
        expect(ECHO_ANSWERED_WITH_A_FIND_RESPONSE);
    }

    @Test
    void malformedCommandSet() throws Exception {
        expect(MALFORMED_COMMAND_SET);
    }

    @Test
    void commandSetWithANonCommandElement() throws Exception {
        expect(COMMAND_SET_WITH_A_NON_COMMAND_ELEMENT);
    }

    @Test
    void commandSetThatNeverEnds() throws Exception {
        expect(COMMAND_SET_THAT_NEVER_ENDS);
    }

    /** Regression (-Xmx64m): the data set bound used to be 256 MiB, so a peer could exhaust a small heap. */
    @Test
    void dataSetThatNeverEnds() throws Exception {
        expect(DATA_SET_THAT_NEVER_ENDS);
    }

    @Test
    void undecodableIdentifier() throws Exception {
        expect(UNDECODABLE_IDENTIFIER);
    }

    @Test
    void sequencesNestedTenThousandLevels() throws Exception {
        expect(SEQUENCES_NESTED_TEN_THOUSAND_LEVELS);
    }

    @Test
    void elementClaimingTwoGigabytes() throws Exception {
        expect(ELEMENT_CLAIMING_TWO_GIGABYTES);
    }

    /** Regression (-Xmx64m): a deflated item inflating to 100 MiB was only measured after the whole item. */
    @Test
    void deflateBombInsideASequenceItem() throws Exception {
        expect(DEFLATE_BOMB_INSIDE_A_SEQUENCE_ITEM);
    }

    /** The guard chosen against endless Pendings: maxResponses (the DIMSE timeout restarts per response). */
    @Test
    void pendingResponsesForeverWithoutFinalStatus() throws Exception {
        Outcome o = expect(PENDING_RESPONSES_FOREVER_WITHOUT_FINAL_STATUS);
        assertTrue(o.clientSent().contains(new AAbort(0, 0)), "" + o.clientSent());
    }

    /** Regression: Pendings kept restarting the timer after a C-CANCEL, so an SCP ignoring it was never aborted. */
    @Test
    void pendingResponsesForeverIgnoringTheCancel() throws Exception {
        expect(PENDING_RESPONSES_FOREVER_IGNORING_THE_CANCEL);
    }

    // ---------------------------------------------------------------- tolerated

    @Test
    void finalStatusBeforeAnyMatch() throws Exception {
        tolerate(FINAL_STATUS_BEFORE_ANY_MATCH, c -> {
            List<FindResponse> all = findAll(c);
            assertEquals(1, all.size());
            assertTrue(all.get(0).status().isSuccess());
        });
    }

    @Test
    void unknownStatusCodeEndsTheQueryAsAFailure() throws Exception {
        tolerate(UNKNOWN_STATUS_CODE, c -> {
            List<FindResponse> all = findAll(c);
            assertEquals(1, all.size());
            assertEquals(DimseStatus.Category.FAILURE, all.get(0).status().category());
        });
    }

    @Test
    void invalidIso2022EscapesDecodeWithoutFailing() throws Exception {
        tolerate(INVALID_ISO_2022_ESCAPES, c -> {
            String name = findAll(c).get(0).identifier().getString(Tag.PatientName);
            assertTrue(name.startsWith("ABC") && name.endsWith("Z"), name);
        });
    }

    @Test
    void unknownCharacterSetTermDecodesWithoutFailing() throws Exception {
        tolerate(UNKNOWN_CHARACTER_SET_TERM, c -> {
            String name = findAll(c).get(0).identifier().getString(Tag.PatientName);
            assertTrue(name.startsWith("AB") && name.endsWith("C"), name);
        });
    }

    @Test
    void successWithADataSetHasItIgnored() throws Exception {
        tolerate(SUCCESS_WITH_A_DATA_SET, c -> {
            List<FindResponse> all = findAll(c);
            assertEquals(1, all.size());
            assertNull(all.get(0).identifier());
        });
    }
}
