package io.dicomfind.camel.hostile;

import io.dicomfind.camel.DicomFindAssociationException.Reason;
import io.dicomfind.dicom.net.AcseTimeoutException;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.DimseTimeoutException;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.ResponseLimitExceededException;
import io.dicomfind.dicom.net.hostile.HostileBehaviour;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a Camel exchange (or poll) must show after a {@link HostileBehaviour}: a {@code DicomFindAssociationException}
 * of a reason whose message carries the fragments; a {@code DicomFindFailedException} with a status; or success with
 * the matches' Patient's Names (and, for a failed release after a complete result, a warning).
 *
 * @param reason   the expected reason, or null
 * @param status   the expected Failure status of a DicomFindFailedException, or -1
 * @param fragments what the exception's message (or the warning) must contain
 * @param names    on success: the Patient's Names of the matches
 * @param text     a description of {@code names} for messages
 */
record CamelExpectation(Reason reason, int status, List<String> fragments, Predicate<List<String>> names,
        String text) {

    boolean succeeds() {
        return reason == null && status < 0;
    }

    static CamelExpectation fails(Reason reason, List<String> fragments) {
        return new CamelExpectation(reason, -1, fragments, null, reason.name());
    }

    static CamelExpectation failsWithStatus(int status) {
        return new CamelExpectation(null, status, List.of(), null, Integer.toHexString(status));
    }

    static CamelExpectation matches(String... names) {
        List<String> expected = List.of(names);
        return new CamelExpectation(null, -1, List.of(), expected::equals, expected.toString());
    }

    /** Success after the SCP's Success, the release then failing: a warning names the cause. */
    static CamelExpectation releaseFailedWarning(String fragment) {
        return new CamelExpectation(null, -1, List.of("A-RELEASE failed", fragment), List.of()::equals, "[]");
    }

    /** The reason DicomFindAssociationException.of gives to the core exception a behaviour ends with. */
    static Reason reasonOf(Class<? extends Throwable> core) {
        if (DicomProtocolException.class.isAssignableFrom(core)) {
            return Reason.PROTOCOL_ERROR; // also a peer's A-RELEASE-RQ during a C-FIND (ReleaseRequestedByPeer)
        } else if (core == AcseTimeoutException.class) {
            return Reason.ACSE_TIMEOUT;
        } else if (core == DimseTimeoutException.class) {
            return Reason.DIMSE_TIMEOUT;
        } else if (core == AssociationAbortedException.class) {
            return Reason.ABORTED;
        } else if (core == AssociationRejectedException.class) {
            return Reason.REJECTED;
        } else if (core == NoPresentationContextException.class) {
            return Reason.NO_PRESENTATION_CONTEXT;
        } else if (core == ResponseLimitExceededException.class) {
            return Reason.RESPONSE_LIMIT_EXCEEDED; // the endpoint's maxResponses
        } else if (core == DicomNetworkException.class) {
            return Reason.CONNECTION_LOST; // connected, then the peer closed or reset
        }
        throw new IllegalArgumentException("no Camel reason for " + core);
    }

    /**
     * The Camel outcome of each behaviour through a producer or the consumer. By default the core's: the same
     * message fragments inside a DicomFindAssociationException of the matching reason. The differences come from what
     * a dicomfind endpoint proposes and does (one presentation context; a failed
     * release after a complete result is a warning, not a failure).
     */
    static CamelExpectation of(HostileBehaviour b) {
        return switch (b) {
            // one FIND context proposed: the SCP's context 3 is one we never accepted
            case RESPONSE_ON_ANOTHER_ACCEPTED_PRESENTATION_CONTEXT, MESSAGE_SWITCHING_PRESENTATION_CONTEXT_MIDWAY ->
                    fails(Reason.PROTOCOL_ERROR,
                            List.of("for presentation context ID 3, which was not accepted on this association"));
            // the C-FIND ended with Success: the result is complete, the failed release is a warning
            case NO_RELEASE_RESPONSE, DATA_INSTEAD_OF_RELEASE_RESPONSE_FOREVER ->
                    releaseFailedWarning("waiting for A-RELEASE-RP: no answer within the ACSE timeout of 1 s");
            case ABORT_INSTEAD_OF_RELEASE_RESPONSE ->
                    releaseFailedWarning("waiting for A-RELEASE-RP: association aborted by service-provider");
            case CONNECTION_CLOSED_INSTEAD_OF_RELEASE_RESPONSE ->
                    releaseFailedWarning("connection closed by peer before A-RELEASE-RP");
            case CONNECTION_RESET_INSTEAD_OF_RELEASE_RESPONSE ->
                    releaseFailedWarning("waiting for A-RELEASE-RP");
            // tolerated by the core
            case UNKNOWN_ITEMS_AND_SUB_ITEMS, DIFFERENT_APPLICATION_CONTEXT, MAXIMUM_PDU_LENGTH_FFFFFFFF ->
                    matches("GOOD^PATIENT");
            case RESERVED_CONTROL_HEADER_BITS -> matches("BITS^SET");
            case COMMAND_AND_DATA_IN_ONE_PDU_SPLIT_INTO_TWO_BYTE_FRAGMENTS -> matches("TINY^PIECES");
            case FINAL_STATUS_BEFORE_ANY_MATCH, SUCCESS_WITH_A_DATA_SET, RELEASE_COLLISION -> matches();
            case UNKNOWN_STATUS_CODE -> failsWithStatus(0x1234);
            case INVALID_ISO_2022_ESCAPES -> new CamelExpectation(null, -1, List.of(),
                    n -> n.size() == 1 && n.get(0).startsWith("ABC") && n.get(0).endsWith("Z"), "[ABC...Z]");
            case UNKNOWN_CHARACTER_SET_TERM -> new CamelExpectation(null, -1, List.of(),
                    n -> n.size() == 1 && n.get(0).startsWith("AB") && n.get(0).endsWith("C"), "[AB...C]");
            default -> fails(reasonOf(b.expected()), b.fragments());
        };
    }
}
