package io.dicomfind.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs DCMTK's {@code findscu}, the reference C-FIND SCU, and returns its answers in canonical form: the oracle the
 * component's equivalence tests compare against.
 *
 * <p>findscu runs with {@code -v} (to learn the final status, which its exit code does not reflect) and
 * {@code -X -od DIR} (each response identifier written to {@code rspNNNN.dcm}); the files are canonicalised with
 * {@link DcmDumpCanonicalizer}, so nothing of the component's own code is involved. {@code TCP_NODELAY=1} is set.
 */
public final class DcmtkFindScu {

    private static final Pattern FINAL = Pattern.compile("Received Final Find Response \\(([^)]*)\\)");
    private static final Pattern PENDING = Pattern.compile("Find Response:? \\d+ \\(Pending");

    private DcmtkFindScu() {
    }

    /**
     * Runs {@code findscu -v -X -od outputDirectory ARGS -aec AE host port QUERYFILES}.
     *
     * @param arguments  findscu options (model flag, {@code -k} keys, other options) in findscu syntax
     * @param queryFiles query files (may be empty)
     */
    public static FindScuResult run(DicomPeer peer, List<String> arguments, List<Path> queryFiles,
            Path outputDirectory) {
        return run(peer, arguments, queryFiles, outputDirectory, true);
    }

    /**
     * As {@link #run(DicomPeer, List, List, Path)}; {@code tcpNoDelay false} runs findscu as shipped (Nagle on, no
     * TCP_NODELAY in its environment), e.g. to compare timings both ways.
     */
    public static FindScuResult run(DicomPeer peer, List<String> arguments, List<Path> queryFiles,
            Path outputDirectory, boolean tcpNoDelay) {
        List<String> cmd = new ArrayList<>(List.of("findscu", "-v", "-X", "-od", outputDirectory.toString()));
        cmd.addAll(arguments);
        cmd.addAll(peer.connectionArguments());
        queryFiles.forEach(f -> cmd.add(f.toString()));
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outputDirectory, e);
        }
        Peers.ExecResult r = Peers.exec(cmd, outputDirectory, tcpNoDelay);
        Matcher m = FINAL.matcher(r.stderr());
        String finalStatus = m.find() ? m.group(1) : null;
        int pending = 0;
        Matcher p = PENDING.matcher(r.stderr());
        while (p.find()) {
            pending++;
        }
        List<Path> files = responseFiles(outputDirectory);
        return new FindScuResult(r.command(), r.exitCode(), r.stderr(), finalStatus, pending,
                DcmDumpCanonicalizer.responseSet(files), outputDirectory, r.elapsed());
    }

    /** Runs one corpus query; its query file and the responses go below {@code workDir/<query name>}. */
    public static FindScuResult run(DicomPeer peer, CorpusQuery query, Path workDir) {
        Path dir = workDir.resolve(query.name());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return run(peer, query.arguments(), query.queryFiles(dir), dir.resolve("dcmtk"));
    }

    /** The {@code rsp*.dcm} files in a directory, sorted by name (i.e. in arrival order). */
    public static List<Path> responseFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("rsp") && n.endsWith(".dcm");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
