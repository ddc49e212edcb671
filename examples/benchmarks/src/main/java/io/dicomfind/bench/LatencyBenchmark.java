package io.dicomfind.bench;

import static io.dicomfind.bench.Benchmarks.HOST;
import static io.dicomfind.bench.Benchmarks.fmt;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 1d: single-match queries, one after the other: on one association ({@code --repeat}) and with a new association
 * each. Per-query time on one association is the marginal cost {@code (T(n) - T(1)) / (n - 1)}, so that process
 * start-up and association set-up drop out. "New association each" with a process per query includes the process
 * start (a JVM for ours), and is also measured inside one JVM through the API.
 */
final class LatencyBenchmark {
    static final int QUERIES = 1000;
    /**
     * Queries per run on one association through a CLI: the marginal cost is ~0.1-0.4 ms, so 1,000 queries make
     * 0.1-0.4 s, no more than the run-to-run noise of a process start on a loaded 2-core machine; 5,000 do better.
     */
    static final int REPEAT_QUERIES = 5000;
    /** findscu as shipped pays ~45-90 ms per query (Nagle, PEERS.md): fewer queries keep the run short. */
    static final int QUERIES_NAGLE = 100;
    /** A JVM per query costs ~0.3-0.5 s: this many processes per run. */
    static final int JVM_PROCESSES = 10;
    static final int FINDSCU_PROCESSES = 100;
    /** 1d′: a whole run of this many single-match queries, process start included (issue 13's target: ≤ 0.8×). */
    static final int WHOLE_RUN_QUERIES = 2000;

    private final Benchmarks b;
    private final Map<String, Samples> rows = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final Map<String, Samples> wholeRuns = new LinkedHashMap<>();

    LatencyBenchmark(Benchmarks b) {
        this.b = b;
    }

    record Client(String name, List<String> command, Map<String, String> env, int queries) {
    }

    /** DCMTK findscu with TCP_NODELAY=1 and {@code --repeat}, the query file on {@code port}. */
    static Client findscuNoDelay(Benchmarks b, int port) throws IOException {
        return new Client("DCMTK findscu TCP_NODELAY=1, --repeat", List.of("findscu", "-W", "-q", "-aec",
                BenchData.AE_TITLE, HOST, Integer.toString(port), b.queryFile().toString()),
                Benchmarks.findscuEnv(true), REPEAT_QUERIES);
    }

    /** Per-query time on one association: the marginal cost (T(n) - T(1)) / (n - 1). */
    double perQueryOnOneAssociation(Client c) throws IOException {
        double one = wall(c, 1);
        double many = wall(c, c.queries());
        return (many - one) / (c.queries() - 1);
    }

    void run() throws Exception {
        int port = b.port(1);
        Path query = b.queryFile();
        String p = Integer.toString(port);
        List<Client> repeat = List.of(
                new Client("dicomfind findscu (ours), --repeat", List.of(b.findscuCli.toString(), "-W", "-q", "-aec",
                        BenchData.AE_TITLE, HOST, p, query.toString()), Map.of(), REPEAT_QUERIES),
                new Client("DCMTK findscu as shipped, --repeat", List.of("findscu", "-W", "-q", "-aec",
                        BenchData.AE_TITLE, HOST, p, query.toString()), Benchmarks.findscuEnv(false), QUERIES_NAGLE),
                findscuNoDelay(b, port));
        List<Client> perProcess = List.of(
                new Client("dicomfind findscu (ours), a JVM per query", repeat.get(0).command(), Map.of(),
                        JVM_PROCESSES),
                new Client("DCMTK findscu as shipped, a process per query", repeat.get(1).command(),
                        Benchmarks.findscuEnv(false), FINDSCU_PROCESSES),
                new Client("DCMTK findscu TCP_NODELAY=1, a process per query", repeat.get(2).command(),
                        Benchmarks.findscuEnv(true), FINDSCU_PROCESSES));
        AssociationConfig config = AssociationConfig.builder(HOST, port).calledAeTitle(BenchData.AE_TITLE)
                .callingAeTitle("BENCH").abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND).build();
        Attributes keys = BenchData.query();
        for (int run = -1; run < b.runs; run++) {
            for (Client c : repeat) {
                record(run, c.name(), perQueryOnOneAssociation(c));
                notes.put(c.name(), "(T(" + c.queries() + ") − T(1)) / " + (c.queries() - 1));
                if (c.queries() == REPEAT_QUERIES) { // not findscu as shipped: 44 ms a query (Nagle)
                    double whole = wall(c, WHOLE_RUN_QUERIES);
                    if (run >= 0) {
                        wholeRuns.computeIfAbsent(c.name(), k -> new Samples()).add(whole);
                    }
                }
            }
            record(run, "dicomfind API, one association", apiOneAssociation(config, keys));
            notes.put("dicomfind API, one association", QUERIES + " finds in one JVM, after a warm-up run");
            for (Client c : perProcess) {
                double total = 0;
                for (int i = 0; i < c.queries(); i++) {
                    total += wall(c, 1);
                }
                record(run, c.name(), total / c.queries());
                notes.put(c.name(), c.queries() + " processes per run, each: start, associate, 1 query, release");
            }
            record(run, "dicomfind API, new association each", apiNewAssociationEach(config, keys));
            notes.put("dicomfind API, new association each", QUERIES
                    + "× open, find, release in one JVM, after a warm-up run");
        }
        b.report.println("## 1d. Latency: single-match queries, one after the other");
        b.report.println();
        b.report.println("| client | per query (median) | min – max | how |");
        b.report.println("|---|---|---|---|");
        for (Map.Entry<String, Samples> e : rows.entrySet()) {
            Samples s = e.getValue();
            b.report.println("| " + e.getKey() + " | " + ms(s.median()) + " | " + ms(s.min()) + " – " + ms(s.max())
                    + " | " + notes.get(e.getKey()) + " |");
        }
        b.report.println();
        b.report.println("## 1d′. Latency: one process, `--repeat " + WHOLE_RUN_QUERIES + "` of a single-match query,"
                + " process start included");
        b.report.println();
        b.report.println("| client | wall (median) | min – max | vs DCMTK findscu TCP_NODELAY=1 |");
        b.report.println("|---|---|---|---|");
        double dcmtk = wholeRuns.get("DCMTK findscu TCP_NODELAY=1, --repeat").median();
        for (Map.Entry<String, Samples> e : wholeRuns.entrySet()) {
            Samples s = e.getValue();
            b.report.println("| " + e.getKey() + " " + WHOLE_RUN_QUERIES + " | " + fmt(s.median(), 3) + " s | "
                    + fmt(s.min(), 3) + " – " + fmt(s.max(), 3) + " | " + fmt(s.median() / dcmtk, 2) + "× |");
        }
        b.report.println();
    }

    private void record(int run, String name, double seconds) {
        if (run >= 0) {
            rows.computeIfAbsent(name, k -> new Samples()).add(seconds);
        }
    }

    private static String ms(double seconds) {
        return fmt(seconds * 1000, seconds < 0.01 ? 3 : 1) + " ms";
    }

    private double wall(Client c, int repeat) throws IOException {
        List<String> cmd = new ArrayList<>(c.command());
        if (repeat > 1) {
            cmd.add(cmd.size() - 3, "--repeat");
            cmd.add(cmd.size() - 3, Integer.toString(repeat));
        }
        ClientRun.Result r = ClientRun.run(cmd, c.env(), b.work.resolve("clients.log"), -1);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(c.name() + " exited with " + r.exitCode());
        }
        return r.wallSeconds();
    }

    private static double apiOneAssociation(AssociationConfig config, Attributes keys) throws IOException {
        try (Association as = Association.open(config)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < QUERIES; i++) {
                expectOne(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys, r -> true), as);
            }
            return (System.nanoTime() - t0) / 1e9 / QUERIES;
        }
    }

    private static double apiNewAssociationEach(AssociationConfig config, Attributes keys) throws IOException {
        long t0 = System.nanoTime();
        for (int i = 0; i < QUERIES; i++) {
            try (Association as = Association.open(config)) {
                expectOne(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys, r -> true), as);
            }
        }
        return (System.nanoTime() - t0) / 1e9 / QUERIES;
    }

    private static void expectOne(FindResponse last, Association as) {
        if (last == null || !last.status().isSuccess() || last.index() != 2) {
            throw new IllegalStateException("expected one match and Success from " + as.peer() + ", got " + last);
        }
    }
}
