package io.dicomfind.bench;

import static io.dicomfind.bench.Benchmarks.HOST;
import static io.dicomfind.bench.Benchmarks.fmt;
import static io.dicomfind.bench.Benchmarks.thousands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * 1b: responses per second through the component into a no-op {@code split().streaming()} route
 * ({@link RouteBenchmark}, a JVM of its own; runs after warm-up queries in the same JVM), with the SCP's CPU.
 */
final class ComponentBenchmark {
    private final Benchmarks b;

    ComponentBenchmark(Benchmarks b) {
        this.b = b;
    }

    /** Warm-up queries: the C2 compiler needs a few hundred thousand responses to settle. */
    static int warmups(int size) {
        return Math.max(2, 300_000 / size);
    }

    void run() throws Exception {
        b.report.println("## 1b. The component: dicomfind StreamList into a no-op `split(body()).streaming()` route");
        b.report.println();
        b.report.println("| matches | wall per query (median) | min – max | responses/s | SCP CPU / wall |");
        b.report.println("|---|---|---|---|---|");
        for (int size : new int[] {10_000, 100_000}) {
            Path out = b.work.resolve("route.out");
            List<String> cmd = List.of(Benchmarks.javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), RouteBenchmark.class.getName(), HOST,
                    Integer.toString(b.port(size)), b.queryFile().toString(), Integer.toString(size),
                    Integer.toString(warmups(size)), Integer.toString(b.runs));
            double scp0 = Cpu.ofProcess(b.scpPid());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("RouteBenchmark failed:\n" + Files.readString(out));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double scpShare = (Cpu.ofProcess(b.scpPid()) - scp0) / wall; // over the whole JVM, start-up included
            Samples s = new Samples();
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith("RUN ")) {
                    s.add(Double.parseDouble(line.split(" ")[1]));
                }
            }
            b.report.println("| " + thousands(size) + " | " + fmt(s.median(), 3) + " s | " + fmt(s.min(), 3) + " – "
                    + fmt(s.max(), 3) + " | " + thousands(size / s.median()) + " | ≤ " + fmt(scpShare, 2) + " |");
        }
        b.report.println();
        b.report.println("One JVM runs warm-up queries (300,000 responses, at least 2 queries) and then the measured"
                + " ones: a route is long-lived, and with fewer the 10,000 runs still measured the JIT compiler."
                + " SCP CPU / wall is over the whole child JVM's life, start-up included, so an upper bound only.");
        b.report.println();
    }
}
