package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;

/**
 * What every real-peer test checks after itself: no association left open (the component's own counter,
 * {@link FindActivity#getOpenAssociations()}) and no socket left open in this JVM (the {@code socket:[inode]} links in
 * {@code /proc/self/fd}, compared with a baseline taken before the test).
 */
public final class NetworkLeakCheck {
    private final int baselineSockets;

    private NetworkLeakCheck(int baselineSockets) {
        this.baselineSockets = baselineSockets;
    }

    public static NetworkLeakCheck baseline() {
        return new NetworkLeakCheck(openSockets());
    }

    /** TCP sockets of this process ({@link io.dicomfind.peers.TcpConnections#ofThisProcess()}). */
    public static int openSockets() {
        return io.dicomfind.peers.TcpConnections.ofThisProcess();
    }

    /** The socket inodes with their /proc/net lines (for the failure message). */
    static String describeSockets() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String link;
                try {
                    link = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (link.startsWith("socket:")) {
                    String inode = link.substring(8, link.length() - 1);
                    sb.append(link);
                    for (String f : new String[] {"tcp", "tcp6", "unix"}) {
                        for (String line : Files.readAllLines(Path.of("/proc/net/" + f))) {
                            if (line.matches(".*\\b" + inode + "\\b.*")) {
                                sb.append(" ").append(f).append(": ").append(line.trim());
                            }
                        }
                    }
                    sb.append("; ");
                }
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }

    /**
     * Asserts zero open associations and no more sockets than at the baseline. A closing socket may linger for a
     * moment after close() returned on another thread (a StreamList completion), so this waits up to 5 s.
     */
    public void assertNoLeak(CamelContext context) throws InterruptedException {
        DicomFindComponent c = context.getComponent("dicomfind", DicomFindComponent.class);
        long deadline = System.nanoTime() + 5_000_000_000L;
        int sockets = openSockets();
        while ((c.getActivity().getOpenAssociations() != 0 || sockets > baselineSockets)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            sockets = openSockets();
        }
        assertEquals(0, c.getActivity().getOpenAssociations(), "associations left open");
        assertTrue(sockets <= baselineSockets, "sockets left open: " + sockets + " now, " + baselineSockets
                + " before the test: " + describeSockets());
    }
}
