package io.dicomfind.bench;

import static io.dicomfind.bench.Benchmarks.HOST;
import static io.dicomfind.bench.Benchmarks.fmt;
import static io.dicomfind.bench.Benchmarks.thousands;

import io.dicomfind.dicom.data.Attributes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 1a: a query with 10,000 and one with 100,000 matches; our CLI and DCMTK findscu (with and without TCP_NODELAY=1),
 * both writing every response to a file ({@code -X -q}), then both quiet ({@code -q}, nothing written; the SCP
 * counts what it sent); plus the null client, which shows what the SCP can deliver at most.
 */
final class ThroughputBenchmark {
    private final Benchmarks b;

    ThroughputBenchmark(Benchmarks b) {
        this.b = b;
    }

    private record Client(String name, boolean nullClient, List<String> command, Map<String, String> env) {
    }

    private static final class Case {
        final Samples wall = new Samples();
        final Samples clientCpu = new Samples();
        final Samples scpCpu = new Samples();
    }

    /** Both CLIs get the same output options: every response to a file, nothing at all, or the log's dump. */
    enum Output {
        FILES("1a", "`-X -q` (every response to a file)", List.of("-X", "-q", "-od", "OUT")),
        QUIET("1a′", "`-q` (quiet: responses counted by the SCP, nothing written)", List.of("-q")),
        DEFAULT("1a″", "default mode (no options: every response dumped to the log, standard error to a file)",
                List.of()),
        VERBOSE("1a‴", "`-v` (the default's dump and the association's messages, standard error to a file)",
                List.of("-v"));

        final String id;
        final String title;
        final List<String> options;

        Output(String id, String title, List<String> options) {
            this.id = id;
            this.title = title;
            this.options = options;
        }

        /** The log holds a dump per response (findscu shows responses unless -q or extracting). */
        boolean dumpsResponses() {
            return this == DEFAULT || this == VERBOSE;
        }
    }

    void run() throws Exception {
        for (Output output : b.modes) {
            b.report.println("## " + output.id + ". Throughput: our CLI vs DCMTK findscu, same SCP, " + output.title);
            b.report.println();
            b.report.println("| matches | client | wall (median) | min – max | responses/s | vs findscu as shipped |"
                    + " vs findscu TCP_NODELAY=1 | client CPU | SCP CPU / wall |");
            b.report.println("|---|---|---|---|---|---|---|---|---|");
            // a dump is ~2.3 KB of log per response and DCMTK writes it a line per system call: the log modes run
            // the size issue 13 names only
            for (int size : output.dumpsResponses() ? new int[] {100_000} : new int[] {10_000, 100_000}) {
                measure(size, output);
            }
            b.report.println();
        }
        b.report.println("Client CPU: user+system seconds of the client process (our CLI: the JVM, all threads;"
                + " includes start-up). SCP CPU / wall: the SCP process's CPU seconds over the run's wall time"
                + " (1.00 = one core busy). The null client reads raw PDUs and decodes only command sets: its rate"
                + " is what the SCP can deliver, so the SCP is not the bottleneck when it is well above the others."
                + " Quiet runs: a run counts only if the client exits with 0 (it read the final response, which"
                + " comes after every Pending on the one TCP stream) and the SCP sent exactly the expected Pendings."
                + " Default and -v: both clients' standard error goes to a new file on the same tmpfs each run, and a"
                + " run counts only if that log shows every response (its `Find Response: n (Pending)` lines).");
        b.report.println();
    }

    private void measure(int size, Output output) throws Exception {
        int port = b.port(size);
        Path query = b.queryFile();
        List<Client> clients = new ArrayList<>();
        clients.add(new Client("null client (SCP limit)", true, null, null));
        clients.add(new Client("dicomfind findscu (ours)", false, command(b.findscuCli.toString(), output, port,
                query), Map.of()));
        for (boolean noDelay : new boolean[] {false, true}) {
            clients.add(new Client(noDelay ? "DCMTK findscu, TCP_NODELAY=1" : "DCMTK findscu as shipped", false,
                    command("findscu", output, port, query), Benchmarks.findscuEnv(noDelay)));
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        clients.forEach(c -> cases.put(c.name(), new Case()));
        Attributes keys = BenchData.query();
        for (int run = -1; run < b.runs; run++) { // run -1: warm-up (JIT of the SCP, page cache)
            for (Client c : clients) {
                Path out = b.freshDir("out");
                double wall;
                double clientCpu;
                double scpCpu;
                long received;
                if (c.nullClient()) {
                    double scp0 = Cpu.ofProcess(b.scpPid());
                    double self0 = Cpu.ofSelf();
                    long t0 = System.nanoTime();
                    received = NullClient.drain(HOST, port, keys);
                    wall = (System.nanoTime() - t0) / 1e9;
                    clientCpu = Cpu.ofSelf() - self0;
                    scpCpu = Cpu.ofProcess(b.scpPid()) - scp0;
                } else {
                    List<String> cmd = c.command().stream().map(s -> s.equals("OUT") ? out.toString() : s).toList();
                    long sent0 = b.scpResponses(size);
                    // a dump of 100,000 responses is ~230 MB: a new file per run, read back, then deleted
                    Path log = output.dumpsResponses() ? out.resolve("stderr.log") : b.work.resolve("clients.log");
                    ClientRun.Result r = ClientRun.run(cmd, c.env(), log, b.scpPid());
                    if (r.exitCode() != 0) {
                        throw new IllegalStateException(c.name() + " exited with " + r.exitCode() + "; see " + log);
                    }
                    wall = r.wallSeconds();
                    clientCpu = r.clientCpuSeconds();
                    scpCpu = r.scpCpuSeconds();
                    received = switch (output) {
                        case FILES -> Benchmarks.countFiles(out);
                        case QUIET -> b.scpResponses(size) - sent0;
                        case DEFAULT, VERBOSE -> pendingResponsesLogged(log);
                    };
                }
                if (received != size) {
                    throw new IllegalStateException(c.name() + " received " + received + " responses, expected "
                            + size);
                }
                if (run >= 0) {
                    Case k = cases.get(c.name());
                    k.wall.add(wall);
                    k.clientCpu.add(clientCpu);
                    k.scpCpu.add(scpCpu / wall);
                }
            }
        }
        Benchmarks.deleteRecursively(b.work.resolve("out"));
        double shipped = cases.get("DCMTK findscu as shipped").wall.median();
        double noDelay = cases.get("DCMTK findscu, TCP_NODELAY=1").wall.median();
        for (Map.Entry<String, Case> e : cases.entrySet()) {
            Case k = e.getValue();
            double w = k.wall.median();
            b.report.println("| " + thousands(size) + " | " + e.getKey() + " | " + fmt(w, 3) + " s | "
                    + fmt(k.wall.min(), 3) + " – " + fmt(k.wall.max(), 3) + " | " + thousands(size / w) + " | "
                    + fmt(shipped / w, 2) + "× | " + fmt(noDelay / w, 2) + "× | " + fmt(k.clientCpu.median(), 2)
                    + " s | " + fmt(k.scpCpu.median(), 2) + " |");
        }
    }

    /** The {@code Find Response: n (Pending)} lines of a findscu log, DCMTK's and ours alike. */
    static long pendingResponsesLogged(Path log) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("I: Find Response: ") && line.endsWith(" (Pending)")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static List<String> command(String program, Output output, int port, Path query) {
        List<String> cmd = new ArrayList<>(List.of(program, "-W"));
        cmd.addAll(output.options);
        cmd.addAll(List.of("-aec", BenchData.AE_TITLE, HOST, Integer.toString(port), query.toString()));
        return cmd;
    }
}
