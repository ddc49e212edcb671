package io.dicomfind.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A long-running peer process (a DICOM server) started with stdout and stderr going to a log file, stopped by its own
 * PID: {@link Process#destroy()} (SIGTERM), then {@link Process#destroyForcibly()} after a grace period. Child
 * processes the server forked (wlmscpfs and dcmqrscp fork per association) are stopped the same way, found through
 * {@link ProcessHandle#descendants()} of our own process only.
 *
 * <p>Every process started here is also registered with a JVM shutdown hook, the safety net for a test run that is
 * killed or forgets to close a peer.
 */
public final class PeerProcess implements AutoCloseable {

    /** Grace period between SIGTERM and SIGKILL. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PeerProcess::killAll, "dicomfind-peers-shutdown"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final List<String> command;

    private PeerProcess(String name, Process process, Path logFile, List<String> command) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.command = command;
    }

    /**
     * Starts {@code command} (first element a bare binary name, resolved with {@link Peers#binary(String)}) in
     * {@code workDir}, logging to {@code logFile}.
     */
    public static PeerProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logFile) {
        List<String> cmd = new ArrayList<>(command);
        cmd.set(0, Peers.binary(cmd.get(0)).toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        try {
            Files.writeString(logFile, "# " + String.join(" ", cmd) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            Process p = pb.start();
            track(p);
            return new PeerProcess(name, p, logFile, List.copyOf(cmd));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", cmd), e);
        }
    }

    /**
     * {@link #start} then waits until every one of {@code ports} accepts connections on loopback; a server that does
     * not get there is stopped before the exception propagates.
     */
    public static PeerProcess startListening(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logFile, int... ports) {
        PeerProcess p = start(name, command, env, workDir, logFile);
        try {
            for (int port : ports) {
                Peers.awaitPort(p, port, Peers.STARTUP_TIMEOUT);
            }
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> command() {
        return command;
    }

    /** The handle of the process and of any of its live descendants (forked association handlers). */
    public List<ProcessHandle> handles() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** The last 40 lines of the log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the process and its descendants: SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}. Idempotent. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        stop(process.toHandle());
        for (ProcessHandle child : children) {
            stop(child);
        }
        untrack(process);
    }

    private static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStopped) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + handle.pid() + " survived SIGKILL", e);
            }
        }
    }

    static void track(Process p) {
        LIVE.add(p);
    }

    static void untrack(Process p) {
        LIVE.remove(p);
    }

    /** The shutdown hook: forcibly ends every process this JVM started and still tracks (and their children). */
    static void killAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + logFile + ")";
    }
}
