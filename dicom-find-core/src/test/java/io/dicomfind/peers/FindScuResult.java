package io.dicomfind.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one DCMTK findscu run produced.
 *
 * @param command          the full command line
 * @param exitCode         findscu's exit code (0 even when the final status is a failure: check {@code finalStatus})
 * @param stderr           findscu's log (it runs with {@code -v}, so this includes every request and response)
 * @param finalStatus      the final C-FIND-RSP status as findscu logs it ({@code Success}, {@code Failed:
 *                         UnableToProcess}, ...), or null when findscu never received one
 * @param pendingResponses the number of {@code Find Response: N (Pending)} lines findscu logged
 * @param responses        the canonical form of the {@code rsp*.dcm} files findscu extracted ({@code -X})
 * @param outputDirectory  where the {@code rsp*.dcm} files are
 * @param elapsed          wall time of the findscu process
 */
public record FindScuResult(List<String> command, int exitCode, String stderr, String finalStatus,
        int pendingResponses, ResponseSet responses, Path outputDirectory, Duration elapsed) {

    /** Exit code 0 and a final status of Success. */
    public boolean isSuccess() {
        return exitCode == 0 && "Success".equals(finalStatus);
    }

    /** A short description for assertion messages: command, exit code, status, counts and the end of the log. */
    public String describe() {
        String[] lines = stderr.split("\n");
        int from = Math.max(0, lines.length - 15);
        return String.join(" ", command) + "\n  exit " + exitCode + ", final status " + finalStatus + ", "
                + pendingResponses + " pending responses, " + responses.size() + " extracted; log tail:\n    "
                + String.join("\n    ", List.of(lines).subList(from, lines.length));
    }
}
