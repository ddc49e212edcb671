package io.dicomfind.cli.hostile;

import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.hostile.HostileBehaviour;
import io.dicomfind.dicom.net.hostile.HostileBehaviour.Client;
import java.util.List;
import java.util.function.Predicate;

/**
 * What findscu must show after a {@link HostileBehaviour}: its exit code (docs/findscu.md: 2 association, network,
 * timeout, DIMSE or protocol error, peer abort; 3 the release failed after the queries ran; 4 a Failure final
 * status; 0 tolerated), the log line that names the failure (its start, and the fragments it must contain), and for
 * a tolerated behaviour the Patient's Names of the responses it printed.
 *
 * @param exit      the exit code
 * @param line      the start of the error line ("E: Find SCU Failed: "), or null when none is expected
 * @param fragments what that line must contain (the core's message fragments, by default)
 * @param namesPeer whether the line names the peer ("127.0.0.1:port (called AE 'HOSTILE')")
 * @param names     on exit 0: the Patient's Names of the responses shown
 * @param artim     the peer keeps sending after our A-ABORT: findscu waits its ARTIM timer (5 s) before it closes
 */
record CliExpectation(int exit, String line, List<String> fragments, boolean namesPeer,
        Predicate<List<String>> names, boolean artim) {

    static CliExpectation error(int exit, String line, List<String> fragments) {
        return new CliExpectation(exit, line, fragments, true, null, false);
    }

    static CliExpectation matches(String... names) {
        List<String> expected = List.of(names);
        return new CliExpectation(0, null, List.of(), false, expected::equals, false);
    }

    CliExpectation withArtim() {
        return new CliExpectation(exit, line, fragments, namesPeer, names, true);
    }

    /** The line findscu logs for a failure of the association request or of the C-FIND (FindRunner). */
    static String lineFor(HostileBehaviour b) {
        Class<? extends Throwable> core = b.expected();
        boolean openPhase = b.number() <= 23; // the association phase rows of docs/robustness.md
        if (core == NoPresentationContextException.class) {
            return "F: No Acceptable Presentation Contexts: ";
        } else if (openPhase) {
            return "E: Association Request Failed: ";
        } else if (core == AssociationAbortedException.class) {
            return "E: Peer Aborted Association (";
        }
        return "E: Find SCU Failed: ";
    }

    /**
     * findscu's outcome of each behaviour. By default exit 2 with the core's message on the error line. The
     * differences come from what findscu proposes and does (one presentation context, --cancel instead of a response
     * limit, exit 3 for a failed release after the queries ran, the rejection in DCMTK's words).
     */
    static CliExpectation of(HostileBehaviour b) {
        if (b.client() == Client.ECHO) {
            throw new IllegalArgumentException(b + ": findscu sends no C-ECHO");
        }
        return switch (b) {
            case REJECT_WITH_UNKNOWN_RESULT_SOURCE_AND_REASON -> new CliExpectation(2,
                    "E: Result: ", List.of("Unknown Result 9, Source: Unknown Source 7"), false, null, false);
            case RESPONSE_ON_ANOTHER_ACCEPTED_PRESENTATION_CONTEXT, MESSAGE_SWITCHING_PRESENTATION_CONTEXT_MIDWAY ->
                    error(2, "E: Find SCU Failed: ",
                            List.of("for presentation context ID 3, which was not accepted on this association"));
            // --cancel 50: the SCP ignores the C-CANCEL and keeps sending, so the DIMSE timer of the cancel ends it
            case PENDING_RESPONSES_FOREVER_WITHOUT_FINAL_STATUS -> error(2, "E: Find SCU Failed: ",
                    List.of("after C-CANCEL (final status due within 1 s of it)")).withArtim();
            case PENDING_RESPONSES_FOREVER_IGNORING_THE_CANCEL, DATA_SET_THAT_NEVER_ENDS ->
                    error(2, lineFor(b), b.fragments()).withArtim();
            case NO_RELEASE_RESPONSE, DATA_INSTEAD_OF_RELEASE_RESPONSE_FOREVER, ABORT_INSTEAD_OF_RELEASE_RESPONSE,
                    CONNECTION_CLOSED_INSTEAD_OF_RELEASE_RESPONSE, CONNECTION_RESET_INSTEAD_OF_RELEASE_RESPONSE ->
                    error(3, "E: Association Release Failed: ", b.fragments());
            case UNKNOWN_ITEMS_AND_SUB_ITEMS, DIFFERENT_APPLICATION_CONTEXT, MAXIMUM_PDU_LENGTH_FFFFFFFF ->
                    matches("GOOD^PATIENT");
            case RESERVED_CONTROL_HEADER_BITS -> matches("BITS^SET");
            case COMMAND_AND_DATA_IN_ONE_PDU_SPLIT_INTO_TWO_BYTE_FRAGMENTS -> matches("TINY^PIECES");
            case FINAL_STATUS_BEFORE_ANY_MATCH, SUCCESS_WITH_A_DATA_SET, RELEASE_COLLISION -> matches();
            case UNKNOWN_STATUS_CODE -> new CliExpectation(4, "E: Find Response Failed: ", List.of("1234H"), false,
                    null, false);
            case INVALID_ISO_2022_ESCAPES -> new CliExpectation(0, null, List.of(), false,
                    n -> n.size() == 1 && n.get(0).startsWith("ABC") && n.get(0).endsWith("Z"), false);
            case UNKNOWN_CHARACTER_SET_TERM -> new CliExpectation(0, null, List.of(), false,
                    n -> n.size() == 1 && n.get(0).startsWith("AB") && n.get(0).endsWith("C"), false);
            default -> {
                if (b.expected() == AssociationRejectedException.class) {
                    throw new IllegalStateException("unmapped rejection " + b);
                }
                yield error(2, lineFor(b), b.fragments());
            }
        };
    }
}
