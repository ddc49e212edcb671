package io.dicomfind.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway PostgreSQL 15 cluster (Debian's {@code postgresql} package) on a free loopback port: {@code initdb}
 * with trust authentication and superuser {@value #USER}, {@code pg_ctl start}; closed with {@code pg_ctl stop -m
 * fast} and the directory removed. The server refuses to run as root, so as root it runs as the package's
 * {@code postgres} user (PEERS.md). JDBC: {@link #jdbcUrl()}, user {@value #USER}, no password.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y postgresql";
    public static final String USER = "app";
    private static final Path BIN = Paths.get("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;
    private final long pid;

    private PostgresServer(Path dir, int port, long pid) {
        this.dir = dir;
        this.port = port;
        this.pid = pid;
    }

    public static PostgresServer start() {
        if (!Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (" + BIN.resolve("pg_ctl")
                    + " is missing). Install it with: " + INSTALL_HINT);
        }
        return Peers.inTempDir("postgres", "start PostgreSQL", dir -> {
            if (asRoot()) {
                Peers.exec(List.of("chown", "postgres", dir.toString()), dir).requireSuccess();
            }
            int port = Peers.freePort();
            Path db = dir.resolve("db");
            run(dir, BIN.resolve("initdb").toString(), "-D", db.toString(), "-A", "trust", "-U", USER,
                    "-E", "UTF8", "--no-sync");
            run(dir, BIN.resolve("pg_ctl").toString(), "-D", db.toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-l",
                    dir.resolve("log").toString(), "-w", "-t", "30", "start");
            long pid = Long.parseLong(Files.readAllLines(db.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                    .get(0).trim());
            return new PostgresServer(dir, port, pid);
        });
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(Path dir, String... command) {
        List<String> cmd = new ArrayList<>();
        if (asRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        Peers.exec(cmd, dir).requireSuccess();
    }

    public int port() {
        return port;
    }

    /** The postmaster's PID. */
    public long pid() {
        return pid;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            run(dir, BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("db").toString(), "-m", "fast", "-w",
                    "stop");
        } catch (RuntimeException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } finally {
            Peers.deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL 127.0.0.1:" + port;
    }
}
