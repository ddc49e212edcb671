package io.dicomfind.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Small utilities shared by the real-peer harness: free loopback ports, locating the DCMTK and Orthanc binaries,
 * running short-lived tools (dump2dcm, dcmdump, storescu, findscu) and waiting for a server port.
 *
 * <p>A missing binary is a test failure, never a skip: in CI every peer must be present (see {@link #INSTALL_HINT}).
 */
public final class Peers {

    /** What to run when a binary is missing (Debian/Ubuntu packages that ship every peer this harness uses). */
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y dcmtk orthanc";

    /** Loopback address every peer is contacted on. */
    public static final String LOOPBACK = "127.0.0.1";

    /** How long a server gets to accept TCP connections after it was started. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    /** Upper bound for any short-lived tool run (dump2dcm, dcmdump, storescu, findscu). */
    public static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> SEARCH_PATH = searchPath();
    private static final Set<Integer> HANDED_OUT_PORTS = new HashSet<>();

    private Peers() {
    }

    /**
     * A TCP port that is free on loopback now and has not been handed out before by this JVM (so two peers started
     * back to back never get the same port even if the first has not bound it yet).
     */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = socket.getLocalPort();
                if (HANDED_OUT_PORTS.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free loopback port", e);
            }
        }
        throw new IllegalStateException("no fresh free loopback port after 50 attempts");
    }

    /**
     * The absolute path of an executable, searched in {@code PATH} plus {@code /usr/bin} and {@code /usr/sbin}
     * (Orthanc lives in {@code /usr/sbin}).
     *
     * @throws IllegalStateException naming the binary and the install command when it is missing
     */
    public static Path binary(String name) {
        if (name.contains("/")) {
            Path p = Paths.get(name);
            if (Files.isExecutable(p)) {
                return p;
            }
        } else {
            for (String dir : SEARCH_PATH) {
                Path p = Paths.get(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("Required DICOM peer binary '" + name + "' not found (searched "
                + (name.contains("/") ? name : String.join(":", SEARCH_PATH)) + "). Install it with: " + INSTALL_HINT);
    }

    /** Fails (with the install command) unless every named binary is present. */
    public static void requireBinaries(String... names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            try {
                binary(n);
            } catch (IllegalStateException e) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Required DICOM peer binaries missing: " + missing
                    + ". Install them with: " + INSTALL_HINT);
        }
    }

    /** Environment for DCMTK processes: DCMTK reads TCP_NODELAY and then disables Nagle (PEERS.md: ~100x faster). */
    public static Map<String, String> dcmtkEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("TCP_NODELAY", "1");
        return env;
    }

    /** A fresh temporary directory; removed by {@link #deleteRecursively(Path)} when the peer is closed. */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("dicomfind-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temp directory for " + prefix, e);
        }
    }

    /** Sets a peer up in a directory; may fail with an I/O error. */
    @FunctionalInterface
    public interface TempDirSetup<T> {
        T in(Path dir) throws IOException;
    }

    /**
     * Runs {@code setup} in a fresh {@link #tempDir(String)}; if it fails, the directory is removed and the failure
     * rethrown (an I/O error as {@link UncheckedIOException} saying what could not be done where).
     */
    public static <T> T inTempDir(String prefix, String what, TempDirSetup<T> setup) {
        Path dir = tempDir(prefix);
        try {
            return setup.in(dir);
        } catch (IOException e) {
            deleteRecursively(dir);
            throw new UncheckedIOException("cannot " + what + " in " + dir, e);
        } catch (RuntimeException e) {
            deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * Copies a directory tree (files and directories) into {@code to}, which may exist; {@code options} apply to
     * each file copied (e.g. {@code COPY_ATTRIBUTES} to keep modification times).
     */
    public static void copyTree(Path from, Path to, java.nio.file.CopyOption... options) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, options);
                }
            }
        }
    }

    /**
     * Removes a peer's temp directory, unless the system property {@code dicomfind.peers.keep} is {@code true}
     * (keeps data, configs and logs for debugging).
     */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir) || Boolean.getBoolean("dicomfind.peers.keep")) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp dir must not fail a test
        }
    }

    /**
     * Waits until {@code port} on loopback accepts TCP connections, failing early when the process died.
     *
     * @throws IllegalStateException after {@code timeout}, naming the peer and its log file
     */
    public static void awaitPort(PeerProcess process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited with code " + process.exitValue()
                        + " before accepting connections on port " + port + "; log " + process.logFile() + ":\n"
                        + process.logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(process.name() + " did not accept connections on " + LOOPBACK
                            + ":" + port + " within " + timeout.toSeconds() + " s; log " + process.logFile() + ":\n"
                            + process.logTail());
                }
                sleep(50);
            }
        }
    }

    /** Outcome of a short-lived tool run. */
    public record ExecResult(List<String> command, int exitCode, byte[] stdout, String stderr, Duration elapsed) {
        public String stdoutText() {
            return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
        }

        public ExecResult requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException("command failed with exit code " + exitCode + ": "
                        + String.join(" ", command) + "\nstderr:\n" + stderr + "\nstdout:\n" + stdoutText());
            }
            return this;
        }
    }

    /**
     * Runs a short-lived tool to completion. The first element of {@code command} is a bare binary name resolved with
     * {@link #binary(String)}. DCMTK gets {@code TCP_NODELAY=1}.
     */
    public static ExecResult exec(List<String> command, Path workDir) {
        return exec(command, workDir, true);
    }

    /**
     * Like {@link #exec(List, Path)}; with {@code tcpNoDelay false} the variable TCP_NODELAY is removed from the
     * tool's environment, i.e. DCMTK runs as shipped (Nagle on), for timing comparisons (PEERS.md).
     */
    public static ExecResult exec(List<String> command, Path workDir, boolean tcpNoDelay) {
        List<String> cmd = new ArrayList<>(command);
        cmd.set(0, binary(cmd.get(0)).toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (tcpNoDelay) {
            pb.environment().putAll(dcmtkEnvironment());
        } else {
            pb.environment().remove("TCP_NODELAY");
        }
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
        }
        PeerProcess.track(p);
        try {
            // Drain both pipes concurrently so a chatty tool never blocks on a full pipe.
            var err = new java.util.concurrent.CompletableFuture<byte[]>();
            Thread t = new Thread(() -> {
                try {
                    err.complete(p.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    err.complete(new byte[0]);
                }
            }, "stderr-" + cmd.get(0));
            t.setDaemon(true);
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + TOOL_TIMEOUT.toSeconds() + " s: "
                        + String.join(" ", cmd));
            }
            String stderr = new String(err.get(10, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8);
            return new ExecResult(cmd, p.exitValue(), out, stderr, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("I/O error running " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted running " + String.join(" ", cmd), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read stderr of " + String.join(" ", cmd), e);
        } finally {
            PeerProcess.untrack(p);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> searchPath() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && !dirs.contains(d)) {
                    dirs.add(d);
                }
            }
        }
        for (String d : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
            if (!dirs.contains(d)) {
                dirs.add(d);
            }
        }
        return List.copyOf(dirs);
    }
}
