package io.dicomfind.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark driver: starts the benchmark SCP ({@link BenchScp}) in a JVM of its own and runs every client against
 * it side by side (interleaved, run by run), then writes a Markdown results table.
 *
 * <pre>
 * Benchmarks --root DIR [--runs 5] [--out results.md]
 *            [--sections throughput,component,latency,memory,pool,reference] [--modes files,quiet,default,verbose]
 * </pre>
 * {@code --modes}: the output modes of the throughput section (1a: {@code -X -q}, 1a′: {@code -q}, 1a″: the default
 * mode, responses dumped to the log, 1a‴: {@code -v}).
 */
public final class Benchmarks {
    static final String HOST = "127.0.0.1";

    final Path root;
    final int runs;
    final Path work;
    final PrintStream report;
    final Path findscuCli;
    /** The throughput section's output modes. */
    List<ThroughputBenchmark.Output> modes = List.of(ThroughputBenchmark.Output.values());
    private Process scp;
    private BufferedReader scpOut;
    final Map<Integer, Integer> scpPorts = new HashMap<>();

    Benchmarks(Path root, int runs, Path work, PrintStream report) {
        this.root = root;
        this.runs = runs;
        this.work = work;
        this.report = report;
        this.findscuCli = root.resolve("examples/findscu/findscu");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        int runs = 5;
        Path out = null;
        Set<String> sections = new LinkedHashSet<>(List.of("throughput", "component", "latency", "memory", "pool",
                "reference"));
        List<ThroughputBenchmark.Output> modes = List.of(ThroughputBenchmark.Output.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--sections" -> sections = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--modes" -> modes = Arrays.stream(args[++i].split(","))
                        .map(m -> ThroughputBenchmark.Output.valueOf(m.trim().toUpperCase(Locale.ROOT))).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Locale.setDefault(Locale.ROOT);
        // responses go to files: on tmpfs, so that the clients are measured, not this VM's disk (whose discard and
        // journal made file creation vary 10x from run to run)
        Path shm = Path.of("/dev/shm");
        Path work = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "dicomfind-bench")
                : Files.createTempDirectory("dicomfind-bench");
        OutputStream file = out == null ? OutputStream.nullOutputStream() : Files.newOutputStream(out);
        try (PrintStream report = new PrintStream(new TeeStream(System.out, file), true, StandardCharsets.UTF_8)) {
            Benchmarks b = new Benchmarks(root.toAbsolutePath().normalize(), runs, work, report);
            b.modes = modes;
            b.header();
            b.startScp(1, 10_000, 100_000, 1_000_000);
            try {
                if (sections.contains("throughput")) {
                    new ThroughputBenchmark(b).run();
                }
                if (sections.contains("component")) {
                    new ComponentBenchmark(b).run();
                }
                if (sections.contains("latency")) {
                    new LatencyBenchmark(b).run();
                }
                if (sections.contains("memory")) {
                    new MemoryBenchmark(b).run();
                }
                if (sections.contains("pool")) {
                    new PoolBenchmark(b).run();
                }
            } finally {
                b.stopScp();
            }
            if (sections.contains("reference")) {
                new ReferenceBenchmark(b).run();
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private void header() throws IOException {
        report.println("# dicomfind benchmark results");
        report.println();
        report.println("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + cpuModel() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.println("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; DCMTK: " + firstLine(List.of("findscu", "--version")));
        report.println("- runs per case: " + runs + " (medians; every case interleaved with the others, run by run;"
                + " one warm-up run each first, not counted)");
        report.println("- response files (-X) and logs: " + work + (work.startsWith("/dev/shm") ? " (tmpfs)" : ""));
        report.println("- SCP: io.dicomfind.bench.BenchScp (EmbeddedFindScp in its own JVM, Modality Worklist of"
                + " generated items of ~540 bytes, universal-match query), loopback");
        report.println();
    }

    private static String cpuModel() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        }
    }

    static String firstLine(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).findFirst().orElse("?");
            p.waitFor();
            return line.trim();
        } catch (IOException e) {
            return "not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    // ------------------------------------------------------------------ the SCP process

    void startScp(int... sizes) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), BenchScp.class.getName()));
        for (int s : sizes) {
            cmd.add(Integer.toString(s));
        }
        scp = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("scp.log").toFile()))
                .start();
        BufferedReader r = new BufferedReader(new InputStreamReader(scp.getInputStream(), StandardCharsets.US_ASCII));
        scpOut = r;
        while (scpPorts.size() < sizes.length) {
            String line = r.readLine();
            if (line == null) {
                throw new IOException("BenchScp ended before it was ready; see " + work.resolve("scp.log"));
            }
            String[] f = line.split(" ");
            if (f[0].equals("READY")) {
                scpPorts.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
            }
        }
    }

    /** The Pending responses the SCP for {@code size} matches has sent so far (BenchScp's COUNT request). */
    long scpResponses(int size) throws IOException {
        scp.getOutputStream().write(("COUNT " + size + "\n").getBytes(StandardCharsets.US_ASCII));
        scp.getOutputStream().flush();
        String line = scpOut.readLine();
        String[] f = line == null ? new String[0] : line.split(" ");
        if (f.length != 3 || !f[0].equals("COUNT")) {
            throw new IOException("BenchScp answered COUNT with " + line);
        }
        return Long.parseLong(f[2]);
    }

    long scpPid() {
        return scp.pid();
    }

    int port(int size) {
        return scpPorts.get(size);
    }

    void stopScp() throws InterruptedException {
        if (scp != null) {
            try {
                scp.getOutputStream().close();
            } catch (IOException ignored) {
                // it is ending anyway
            }
            if (!scp.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                scp.destroyForcibly();
            }
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ------------------------------------------------------------------ shared pieces

    /** The query file both CLIs send (Part 10, Explicit VR Little Endian). */
    Path queryFile() throws IOException {
        Path f = work.resolve("query.dcm");
        if (!Files.exists(f)) {
            QueryFile.write(f);
        }
        return f;
    }

    /** Environment for findscu: DCMTK reads TCP_NODELAY (PEERS.md); null removes it (as shipped: Nagle on). */
    static Map<String, String> findscuEnv(boolean noDelay) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TCP_NODELAY", noDelay ? "1" : null);
        return env;
    }

    Path freshDir(String name) throws IOException {
        Path d = work.resolve(name);
        deleteRecursively(d);
        return Files.createDirectories(d);
    }

    static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String fmt(double v, int decimals) {
        return String.format("%." + decimals + "f", v);
    }

    static String thousands(double v) {
        return String.format("%,.0f", v);
    }

    /** Copies everything to two streams: the console and the results file. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            a.flush();
            b.close();
        }
    }
}
