package io.dicomfind.examples.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What the demo did.
 *
 * @param polls              worklist polls of the station
 * @param idlePolls          polls that found nothing new
 * @param newItems           accession numbers of the new items routed, in order
 * @param repeatsSuppressed  matches the SCP sent again in later polls and the idempotent consumer skipped
 * @param priorQueries       Study Root C-FINDs for prior studies
 * @param priorsFound        studies they found
 * @param files              files written
 * @param associations       associations the SCP accepted
 * @param released           of those, released normally
 * @param open               still open at the end
 */
public record DemoSummary(long polls, int idlePolls, List<String> newItems, long repeatsSuppressed, int priorQueries,
        int priorsFound, List<Path> files, long associations, long released, long open) {

    String text(DemoOptions options) {
        return "Summary\n"
                + line("worklist polls for " + options.station(), polls + " (every " + DemoMain.text(options.poll()) + "), " + idlePolls + " found nothing new")
                + line("new worklist items routed", newItems.size() + " " + newItems)
                + line("repeats skipped (idempotent)", Long.toString(repeatsSuppressed))
                + line("prior-study queries", priorQueries + ", " + priorsFound + " earlier studies found")
                + line("files written", files.size() + " in " + options.output().toAbsolutePath())
                + line("DICOM associations", associations + " opened, " + released + " released, " + open + " open");
    }

    private static String line(String label, String value) {
        return "  " + label + " " + ".".repeat(Math.max(2, 31 - label.length())) + " " + value + "\n";
    }
}
