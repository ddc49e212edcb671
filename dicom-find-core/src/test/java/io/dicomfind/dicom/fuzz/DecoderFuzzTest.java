package io.dicomfind.dicom.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzes the decoders that read peer bytes: PDUs and DIMSE messages, command sets, data sets in the four transfer
 * syntaxes, Part-10 files. The seed corpus (src/test/resources/fuzz/seeds, captured from DCMTK and Orthanc by
 * src/test/fuzz-tools/capture_seeds.py) and every past finding (fuzz/regressions) are replayed on each run, then
 * each target is mutated for its share of {@code fuzz.seconds} (default 21 s in all; docs/robustness.md describes
 * the long run). Runs in the -Xmx64m surefire execution: an OutOfMemoryError is a finding like any other.
 *
 * <p>Properties: {@code fuzz.seconds} (total budget), {@code fuzz.seed} (default 1), {@code fuzz.target} (fuzz
 * only this target; the others still replay their corpus), {@code fuzz.inputMillis} (time bound per input, 2000).
 */
class DecoderFuzzTest {
    static final long TOTAL_SECONDS = Long.getLong("fuzz.seconds", 21);
    static final long SEED = Long.getLong("fuzz.seed", 1);
    static final String ONLY = System.getProperty("fuzz.target", "");
    static final long INPUT_MILLIS = Long.getLong("fuzz.inputMillis", 2000);
    static final Path FINDINGS = Path.of("target", "fuzz-findings");

    static List<byte[]> inputs(String kind, FuzzTarget t) throws IOException {
        Path root = Path.of("src", "test", "resources", "fuzz", kind, t.directory);
        List<byte[]> all = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root)) {
                for (Path p : files.sorted().toList()) {
                    all.add(Files.readAllBytes(p));
                }
            }
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void seedsAndPastFindingsDecodeOrFailWithAnIOException(FuzzTarget t) throws Exception {
        List<byte[]> seeds = inputs("seeds", t);
        List<byte[]> regressions = inputs("regressions", t);
        assertTrue(seeds.size() >= 5, t + ": seed corpus missing (" + seeds.size() + " files)");
        Fuzzer f = new Fuzzer(t, INPUT_MILLIS);
        int ok = f.replay(seeds);
        f.replay(regressions);
        assertTrue(f.findings().isEmpty(), () -> report(f.findings()));
        // single P-DATA-TFs holding only data fragments cannot decode alone: a fifth is the floor for every target
        assertTrue(ok * 5 >= seeds.size(), t + ": only " + ok + " of " + seeds.size()
                + " real seeds decode: the target does not decode what peers send");
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void mutatedInputsDecodeOrFailWithAnIOException(FuzzTarget t) throws Exception {
        long share = ONLY.isEmpty() ? TOTAL_SECONDS * 1000 / FuzzTarget.values().length
                : ONLY.equalsIgnoreCase(t.name()) ? TOTAL_SECONDS * 1000 : 0;
        List<byte[]> corpus = new ArrayList<>(inputs("seeds", t));
        corpus.addAll(inputs("regressions", t));
        Fuzzer.Result r = new Fuzzer(t, INPUT_MILLIS).fuzz(corpus, share, SEED);
        System.out.println(r.summary());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-summary.txt"), r.summary() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Fuzzer.save(r.findings(), FINDINGS);
        assertTrue(r.findings().isEmpty(), () -> report(r.findings()));
    }

    static String report(List<Fuzzer.Finding> findings) {
        StringBuilder sb = new StringBuilder(findings.size() + " finding(s), inputs saved under " + FINDINGS
                .toAbsolutePath() + ":\n");
        for (Fuzzer.Finding f : findings) {
            sb.append("  ").append(f).append('\n');
        }
        if (!findings.isEmpty()) {
            java.io.StringWriter w = new java.io.StringWriter();
            findings.get(0).error().printStackTrace(new java.io.PrintWriter(w));
            sb.append(w);
        }
        return sb.toString();
    }
}
