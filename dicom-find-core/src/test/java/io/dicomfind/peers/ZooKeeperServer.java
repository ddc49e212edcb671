package io.dicomfind.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A standalone ZooKeeper 3.8 from Debian's {@code zookeeper} package on a free loopback port, with a data directory
 * of its own (PEERS.md: Debian's {@code zkServer.sh} ignores a private config dir, so the server class is started
 * directly). Ready when the four-letter word {@code ruok} is answered {@code imok}. {@code tickTime} 500 ms lets
 * clients negotiate sessions from 1 s to 10 s (2 and 20 ticks), so session-expiry failover is testable quickly.
 */
public final class ZooKeeperServer implements AutoCloseable {
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y zookeeper";
    private static final Path JARS = Paths.get("/usr/share/java");

    private final Path dir;
    private final int port;
    private final PeerProcess process;

    private ZooKeeperServer(Path dir, int port, PeerProcess process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static ZooKeeperServer start() {
        List<String> classPath = classPath();
        return Peers.inTempDir("zookeeper", "start ZooKeeper", dir -> {
            int port = Peers.freePort();
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                    "tickTime=500",
                    "dataDir=" + dir.resolve("data"),
                    "clientPort=" + port,
                    "clientPortAddress=127.0.0.1",
                    "admin.enableServer=false",
                    "4lw.commands.whitelist=ruok,srvr,cons",
                    "maxClientCnxns=100", ""));
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = List.of(java, "-Xmx128m", "-cp", String.join(":", classPath),
                    "-Dzookeeper.log.dir=" + dir, "-Dlog4j.configuration=file:/dev/null",
                    "org.apache.zookeeper.server.quorum.QuorumPeerMain", dir.resolve("zoo.cfg").toString());
            PeerProcess p = PeerProcess.startListening("zookeeper", cmd, Map.of(), dir, dir.resolve("zookeeper.log"),
                    port);
            ZooKeeperServer zk = new ZooKeeperServer(dir, port, p);
            try {
                zk.awaitImok(Peers.STARTUP_TIMEOUT);
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
            return zk;
        });
    }

    private static List<String> classPath() {
        List<String> cp = new ArrayList<>();
        for (String jar : List.of("zookeeper.jar", "zookeeper-jute.jar", "slf4j-api.jar", "log4j-1.2.jar")) {
            Path p = JARS.resolve(jar);
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("ZooKeeper is not installed (" + p + " is missing). Install it with: "
                        + INSTALL_HINT);
            }
            cp.add(p.toString());
        }
        try (Stream<Path> jars = Files.list(JARS)) {
            jars.map(Path::toString).filter(n -> n.matches(".*/netty-[a-z0-9-]+\\.jar")).sorted().forEach(cp::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + JARS, e);
        }
        return cp;
    }

    private void awaitImok(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if ("imok".equals(fourLetterWord("ruok"))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("ZooKeeper on port " + port + " did not answer imok within " + timeout
                + "; log:\n" + process.logTail());
    }

    /** Sends a four-letter word and returns the answer, or "" when the server does not answer. */
    public String fourLetterWord(String word) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(Peers.LOOPBACK, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    /** The connect string for clients: 127.0.0.1:port. */
    public String connectString() {
        return Peers.LOOPBACK + ":" + port;
    }

    public PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            Peers.deleteRecursively(dir);
        }
    }

    @Override
    public String toString() {
        return "ZooKeeper " + connectString();
    }
}
