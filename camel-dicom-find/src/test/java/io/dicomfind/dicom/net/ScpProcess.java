package io.dicomfind.dicom.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real DCMTK SCP (wlmscpfs, dcmqrscp) started by a test on a free loopback port and stopped by its own process
 * handle. Minimal on purpose: the richer peer harness lives elsewhere; this one keeps the network tests standalone.
 */
final class ScpProcess implements AutoCloseable {
    static final Path WORKLIST_EXAMPLES = Path.of("/usr/share/doc/dcmtk/examples/wlistdb/OFFIS");

    final int port;
    private final Process process;
    private final Path log;

    private ScpProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code command} (the port is appended) and waits until it accepts connections. */
    static ScpProcess start(Path dir, List<String> command) throws Exception {
        return start(dir, command, freePort());
    }

    static ScpProcess start(Path dir, List<String> command, int port) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(Integer.toString(port));
        Path log = dir.resolve(Path.of(command.get(0)).getFileName() + "-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1"); // DCMTK reads it: the SCP's own Nagle delays stay out of timings
        Process p = pb.start();
        ScpProcess scp = new ScpProcess(port, p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(cmd + " exited with " + p.exitValue() + ": " + scp.log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return scp;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        scp.close();
        throw new IllegalStateException(cmd + " did not listen on port " + port + " within 15 s: " + scp.log());
    }

    /** wlmscpfs over DCMTK's example worklists (10 items under called AE "OFFIS"), with extra options. */
    static ScpProcess wlmscpfs(Path tmp, String... options) throws Exception {
        Path db = tmp.resolve("wlistdb");
        Path offis = db.resolve("OFFIS");
        if (!Files.isDirectory(offis)) {
            Files.createDirectories(offis);
            try (var dumps = Files.list(WORKLIST_EXAMPLES)) {
                for (Path dump : (Iterable<Path>) dumps.filter(f -> f.toString().endsWith(".dump"))::iterator) {
                    String name = dump.getFileName().toString().replace(".dump", ".wl");
                    run(tmp, "dump2dcm", "-g", dump.toString(), offis.resolve(name).toString());
                }
            }
            Files.createFile(offis.resolve("lockfile"));
        }
        List<String> cmd = new ArrayList<>(List.of("wlmscpfs", "-s", "-d", "-dfp", db.toString()));
        cmd.addAll(List.of(options));
        return start(tmp, cmd);
    }

    /** dcmqrscp with an empty storage area for called AE "COMMON"; forks per association (its -s serves one). */
    static ScpProcess dcmqrscp(Path tmp) throws Exception {
        int port = freePort();
        Path area = Files.createDirectories(tmp.resolve("qrdb"));
        Path cfg = tmp.resolve("dcmqrscp.cfg");
        Files.writeString(cfg, String.join("\n",
                "NetworkTCPPort = " + port, "MaxPDUSize = 16384", "MaxAssociations = 16",
                "HostTable BEGIN", "HostTable END", "VendorTable BEGIN", "VendorTable END",
                "AETable BEGIN", "COMMON  " + area + "  RW  (200, 1024mb)  ANY", "AETable END", ""));
        return start(tmp, List.of("dcmqrscp", "-d", "-c", cfg.toString()), port);
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
