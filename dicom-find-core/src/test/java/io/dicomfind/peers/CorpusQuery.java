package io.dicomfind.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One named C-FIND of the {@link QueryCorpus}: run by DCMTK findscu (the oracle) and, later, by our CLI with the
 * very same arguments, and the two response sets compared.
 *
 * @param name                   unique, stable, usable as a file name and test display name
 * @param peer                   which peer it runs against
 * @param arguments              findscu options in findscu syntax: the model flag ({@code -P -S -O -W}) and
 *                               {@code -k} keys; no connection arguments, no output options
 * @param queryFile              an optional query file (non-ASCII keys), appended after host and port; may be null
 * @param expectedResponses      the number of pending responses, from {@link PacsData} / {@link WorklistData}
 * @param expectedDistinctValues optional checks: element path (as in {@link CanonicalDataSet}) to the exact set of
 *                               distinct values over all responses
 * @param purpose                what the query exercises
 */
public record CorpusQuery(String name, PeerKind peer, List<String> arguments, QueryFile queryFile,
        int expectedResponses, Map<String, Set<String>> expectedDistinctValues, String purpose) {

    public CorpusQuery {
        arguments = List.copyOf(arguments);
        expectedDistinctValues = Map.copyOf(expectedDistinctValues);
    }

    /** The query files written into {@code workDir} (empty list when the query needs none). */
    public List<Path> queryFiles(Path workDir) {
        return queryFile == null ? List.of() : List.of(queryFile.write(workDir));
    }

    /**
     * The complete findscu command line after the program name, without output options: {@link #arguments()},
     * {@code -aec AE host port}, then query files (written into {@code workDir}).
     */
    public List<String> commandLine(DicomPeer target, Path workDir) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(target.connectionArguments());
        queryFiles(workDir).forEach(p -> all.add(p.toString()));
        return all;
    }

    @Override
    public String toString() {
        return name + " [" + peer + "] " + String.join(" ", arguments) + (queryFile == null ? "" : " " + queryFile);
    }
}
