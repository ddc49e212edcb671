package io.dicomfind.bench;

import static io.dicomfind.bench.Benchmarks.HOST;
import static io.dicomfind.bench.Benchmarks.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * 1f: the association pool. Per run, {@link PooledRouteMain} in a JVM of its own: a route's single-match C-FIND per
 * exchange with the pool on, in rounds interleaved with DCMTK findscu ({@code TCP_NODELAY=1}, {@code --repeat}, the
 * same query file and SCP; its per-query time on one association is the marginal cost, as in 1d), so that both
 * see the same load; then a new association per exchange; then 16 concurrent routes x 1,000 exchanges on
 * {@code producerPoolMaxTotal=4}. The ratio is, per round, the pooled route's per-exchange time over findscu's
 * per-query time; the table gives the median over every round of every run.
 */
final class PoolBenchmark {
    static final int EXCHANGES = 1000;
    static final int ROUNDS = 8;
    static final int WARMUPS = 20_000;

    private final Benchmarks b;

    PoolBenchmark(Benchmarks b) {
        this.b = b;
    }

    void run() throws Exception {
        int port = b.port(1);
        Samples pooled = new Samples();
        Samples fresh = new Samples();
        Samples dcmtk = new Samples();
        Samples ratio = new Samples();
        Samples concurrentSeconds = new Samples();
        long errors = 0;
        long maxAtScp = 0;
        String leaks = "";
        for (int run = 0; run < b.runs; run++) {
            Path out = b.work.resolve("pool.out");
            List<String> cmd = List.of(Benchmarks.javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), PooledRouteMain.class.getName(), HOST,
                    Integer.toString(port), b.queryFile().toString(), Integer.toString(EXCHANGES),
                    Integer.toString(ROUNDS), Integer.toString(WARMUPS));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("PooledRouteMain failed:\n" + Files.readString(out));
            }
            for (String line : Files.readAllLines(out)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "ROUND" -> {
                        double ours = Double.parseDouble(f[1]);
                        double theirs = Double.parseDouble(f[2]);
                        pooled.add(ours);
                        dcmtk.add(theirs);
                        ratio.add(ours / theirs);
                    }
                    case "PER_EXCHANGE" -> fresh.add(Double.parseDouble(f[2]));
                    case "CONCURRENT" -> {
                        errors += Long.parseLong(f[1]);
                        maxAtScp = Math.max(maxAtScp, Long.parseLong(f[2]));
                        concurrentSeconds.add(Double.parseDouble(f[3]));
                    }
                    case "LEAKS" -> leaks += (leaks.isEmpty() ? "" : "; ") + "threads " + f[1] + ", sockets " + f[2]
                            + ", at the SCP " + f[3];
                    default -> {
                        // log lines
                    }
                }
            }
        }
        b.report.println("## 1f. The association pool: a route's single-match C-FIND per exchange");
        b.report.println();
        b.report.println("| client | per query (median) | min – max | how |");
        b.report.println("|---|---|---|---|");
        row("dicomfind route, producerPoolEnabled=true", pooled, EXCHANGES + " exchanges per round, " + ROUNDS
                + " rounds per run after " + WARMUPS + " warm-up exchanges, one JVM per run");
        row("DCMTK findscu TCP_NODELAY=1, --repeat", dcmtk, "in the same rounds: (T(" + EXCHANGES + ") − T(1)) / "
                + (EXCHANGES - 1));
        row("dicomfind route, a new association per exchange", fresh, EXCHANGES
                + " exchanges per run, same JVM, after the rounds");
        b.report.println();
        b.report.println("Ratio pooled route / findscu per query, per round (median of " + ratio.count()
                + " rounds): **" + fmt(ratio.median(), 2) + "** (min " + fmt(ratio.min(), 2) + ", max "
                + fmt(ratio.max(), 2) + ").");
        b.report.println();
        b.report.println("16 concurrent routes × 1,000 exchanges, producerPoolMaxTotal=4: errors " + errors
                + ", most associations established at the SCP at once " + maxAtScp + ", "
                + fmt(concurrentSeconds.median(), 2) + " s per 16,000 exchanges (median); after the context"
                + " stopped: " + leaks + ".");
        b.report.println();
    }

    private void row(String name, Samples s, String how) {
        b.report.println("| " + name + " | " + ms(s.median()) + " | " + ms(s.min()) + " – " + ms(s.max()) + " | "
                + how + " |");
    }

    private static String ms(double seconds) {
        return fmt(seconds * 1000, 3) + " ms";
    }
}
