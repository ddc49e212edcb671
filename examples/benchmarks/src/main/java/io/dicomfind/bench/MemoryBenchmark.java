package io.dicomfind.bench;

import static io.dicomfind.bench.Benchmarks.HOST;
import static io.dicomfind.bench.Benchmarks.fmt;
import static io.dicomfind.bench.Benchmarks.thousands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1c: 100,000 and 1,000,000 responses streamed at {@code -Xmx64m}, through the CLI (quiet, responses counted, not
 * printed or written) and through the core API ({@link MemoryProbe}). Heap figures from the GC log (largest heap
 * in use before a collection = peak use; largest after one = live data) and, for the API, from the
 * MemoryPoolMXBeans. Constant memory means the same figures for 10× the responses.
 */
final class MemoryBenchmark {
    /** "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 25M->3M(64M) 1.234ms" (unified logging, JDK 9+). */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Benchmarks b;

    MemoryBenchmark(Benchmarks b) {
        this.b = b;
    }

    private static final class Row {
        final Samples wall = new Samples();
        final Samples peakBeforeGc = new Samples();
        final Samples maxAfterGc = new Samples();
        final Samples mxPeak = new Samples();
        final Samples gcs = new Samples();
    }

    void run() throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        int memRuns = Math.min(b.runs, 3); // a million responses per run: 3 runs suffice for a heap figure
        for (int run = 0; run < memRuns; run++) {
            for (int size : new int[] {100_000, 1_000_000}) {
                Path gcLog = b.work.resolve("gc.log");
                Files.deleteIfExists(gcLog);
                String jvmOpts = "-Xmx64m -Xlog:gc:file=" + gcLog;
                ClientRun.Result r = ClientRun.run(List.of(b.findscuCli.toString(), "-W", "-q", "-aec",
                        BenchData.AE_TITLE, HOST, Integer.toString(b.port(size)), b.queryFile().toString()),
                        Map.of("FINDSCU_JAVA_OPTS", jvmOpts), b.work.resolve("clients.log"), -1);
                check(r.exitCode() == 0, "CLI at -Xmx64m exited with " + r.exitCode());
                Row row = rows.computeIfAbsent("dicomfind findscu (ours) `-q` | " + thousands(size), k -> new Row());
                row.wall.add(r.wallSeconds());
                gc(gcLog, row);

                Files.deleteIfExists(gcLog);
                List<String> cmd = new ArrayList<>(List.of(Benchmarks.javaBinary(), "-Xmx64m",
                        "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                        MemoryProbe.class.getName(), HOST, Integer.toString(b.port(size))));
                Path out = b.work.resolve("probe.out");
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                check(p.waitFor() == 0, "MemoryProbe failed: " + Files.readString(out));
                double wall = (System.nanoTime() - t0) / 1e9;
                String result = Files.readAllLines(out).stream().filter(l -> l.startsWith("RESULT")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no RESULT from MemoryProbe"));
                String[] f = result.split(" ");
                check(Long.parseLong(f[1]) == size, "MemoryProbe received " + f[1] + " of " + size);
                Row api = rows.computeIfAbsent("dicomfind API (Association.find, handler) | " + thousands(size),
                        k -> new Row());
                api.wall.add(wall);
                api.mxPeak.add(Long.parseLong(f[2]) / 1048576.0);
                gc(gcLog, api);

                Files.deleteIfExists(gcLog);
                cmd = List.of(Benchmarks.javaBinary(), "-Xmx64m", "-Xlog:gc:file=" + gcLog,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                        RouteBenchmark.class.getName(), HOST, Integer.toString(b.port(size)),
                        b.queryFile().toString(), Integer.toString(size), "0", "1");
                t0 = System.nanoTime();
                p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                check(p.waitFor() == 0, "RouteBenchmark at -Xmx64m failed: " + Files.readString(out));
                wall = (System.nanoTime() - t0) / 1e9;
                String heap = Files.readAllLines(out).stream().filter(l -> l.startsWith("HEAP")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no HEAP from RouteBenchmark"));
                check(heap.endsWith(" 0"), "associations left open: " + heap);
                Row route = rows.computeIfAbsent("dicomfind route (StreamList, split streaming) | " + thousands(size),
                        k -> new Row());
                route.wall.add(wall);
                route.mxPeak.add(Long.parseLong(heap.split(" ")[1]) / 1048576.0);
                gc(gcLog, route);
            }
        }
        b.report.println("## 1c. Memory: responses streamed at -Xmx64m");
        b.report.println();
        b.report.println("| client | responses | wall (median) | GCs | peak heap in use (before a GC) |"
                + " live heap (max after a GC) | MemoryPoolMXBean peak (sum of heap pools) |");
        b.report.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            b.report.println("| " + e.getKey() + " | " + fmt(r.wall.median(), 2) + " s | " + fmt(r.gcs.median(), 0)
                    + " | " + fmt(r.peakBeforeGc.median(), 0) + " MB | " + fmt(r.maxAfterGc.median(), 0) + " MB | "
                    + (r.mxPeak.count() == 0 ? "—" : fmt(r.mxPeak.median(), 1) + " MB") + " |");
        }
        b.report.println();
        b.report.println("Medians of " + memRuns + " runs. The JVM sizes its young generation to the 64 MB it is"
                + " given, so \"peak in use\" mostly shows the GC policy; the live heap after each GC is what the"
                + " client keeps, and it must not grow with the number of responses.");
        b.report.println();
    }

    private static void gc(Path gcLog, Row row) throws IOException {
        int before = 0;
        int after = 0;
        int count = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                count++;
                before = Math.max(before, Integer.parseInt(m.group(1)));
                after = Math.max(after, Integer.parseInt(m.group(2)));
            }
        }
        row.peakBeforeGc.add(before);
        row.maxAfterGc.add(after);
        row.gcs.add(count);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
