package io.dicomfind.bench;

import static io.dicomfind.bench.Benchmarks.fmt;
import static io.dicomfind.bench.Benchmarks.thousands;

import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.QueryRetrieveScp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * For reference: the same two clients against real SCPs (dcmqrscp and Orthanc from the peer harness, loaded with its
 * standard data: 20 patients, 40 studies). All 40 studies (Study Root, STUDY level), {@code --repeat 50} on one
 * association, so 2,000 responses per run, {@code -q}, no files. These SCPs are the bottleneck (PEERS.md: neither
 * outruns ~15,000 responses/s); the point is that both clients see the same SCP-bound figures.
 */
final class ReferenceBenchmark {
    static final int REPEAT = 50;

    private final Benchmarks b;

    ReferenceBenchmark(Benchmarks b) {
        this.b = b;
    }

    void run() throws Exception {
        b.report.println("## Reference: real SCPs (SCP-bound), 40 studies × `--repeat 50` = 2,000 responses per run");
        b.report.println();
        b.report.println("| SCP | client | wall (median) | min – max | responses/s | per query of 40 (marginal) |"
                + " SCP CPU / wall |");
        b.report.println("|---|---|---|---|---|---|---|");
        measure("dcmqrscp", () -> QueryRetrieveScp.start());
        measure("Orthanc", () -> OrthancPeer.start());
        b.report.println();
    }

    private void measure(String name, Supplier<DicomPeer> start) throws Exception {
        int expected = PacsData.standard().studies().size() * REPEAT;
        try (DicomPeer peer = start.get()) {
            List<String> args = new ArrayList<>(List.of("-S", "-q", "--repeat", Integer.toString(REPEAT),
                    "-k", "0008,0052=STUDY", "-k", "0020,000D", "-k", "0010,0010", "-k", "0010,0020", "-k",
                    "0008,0020", "-k", "0008,0050", "-aec", peer.calledAeTitle(), peer.host(),
                    Integer.toString(peer.port())));
            Map<String, List<String>> commands = new LinkedHashMap<>();
            List<String> ours = new ArrayList<>(List.of(b.findscuCli.toString()));
            ours.addAll(args);
            List<String> dcmtk = new ArrayList<>(List.of("findscu"));
            dcmtk.addAll(args);
            commands.put("dicomfind findscu (ours)", ours);
            commands.put("DCMTK findscu, TCP_NODELAY=1", dcmtk);
            Map<String, Samples> wall = new LinkedHashMap<>();
            Map<String, Samples> scp = new LinkedHashMap<>();
            Map<String, Samples> marginal = new LinkedHashMap<>();
            for (int run = -1; run < b.runs; run++) {
                for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                    List<String> once = new ArrayList<>(c.getValue());
                    once.set(once.indexOf("--repeat") + 1, "1");
                    ClientRun.Result one = ClientRun.run(once, c.getKey().startsWith("DCMTK")
                            ? Benchmarks.findscuEnv(true) : Map.of(), b.work.resolve("clients.log"), -1);
                    ClientRun.Result r = ClientRun.run(c.getValue(), c.getKey().startsWith("DCMTK")
                            ? Benchmarks.findscuEnv(true) : Map.of(), b.work.resolve("clients.log"),
                            peer.process().pid());
                    if (r.exitCode() != 0) {
                        throw new IllegalStateException(c.getKey() + " against " + name + " exited " + r.exitCode());
                    }
                    if (run >= 0) {
                        marginal.computeIfAbsent(c.getKey(), k -> new Samples())
                                .add((r.wallSeconds() - one.wallSeconds()) / (REPEAT - 1));
                        wall.computeIfAbsent(c.getKey(), k -> new Samples()).add(r.wallSeconds());
                        scp.computeIfAbsent(c.getKey(), k -> new Samples()).add(r.scpCpuSeconds() / r.wallSeconds());
                    }
                }
            }
            for (String client : commands.keySet()) {
                Samples w = wall.get(client);
                b.report.println("| " + name + " | " + client + " | " + fmt(w.median(), 3) + " s | " + fmt(w.min(), 3)
                        + " – " + fmt(w.max(), 3) + " | " + thousands(expected / w.median()) + " | "
                        + fmt(marginal.get(client).median() * 1000, 2) + " ms | " + fmt(scp.get(client).median(), 2)
                        + " |");
            }
        }
    }
}
