package io.dicomfind.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * TCP connections as Linux lists them ({@code /proc/net/tcp}, {@code tcp6}; {@code /proc/self/fd}): the
 * associations an SCP holds, seen from outside it (a DCMTK SCP forks per association and counts nothing we can
 * ask), and the sockets this JVM has open, for leak checks.
 */
public final class TcpConnections {
    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    /** Established connections whose local port is {@code port}: on this host, the server side of each. */
    public static int establishedAt(int port) {
        String hexPort = String.format(":%04X", port);
        int n = 0;
        for (String[] cols : lines()) {
            if (cols.length > 3 && cols[1].endsWith(hexPort) && cols[3].equals(ESTABLISHED)) {
                n++;
            }
        }
        return n;
    }

    /**
     * TCP sockets of this process: fds whose link reads {@code socket:[inode]} with the inode listed in
     * {@code /proc/net/tcp} or {@code tcp6}. Unix domain sockets are not counted: the JDK opens one to spawn a child
     * process, and no association ever uses one.
     */
    public static int ofThisProcess() {
        Set<String> tcp = new HashSet<>();
        for (String[] cols : lines()) {
            if (cols.length > 9 && !cols[0].equals("sl")) {
                tcp.add(cols[9]);
            }
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    return link.startsWith("socket:[") && tcp.contains(link.substring(8, link.length() - 1));
                } catch (IOException e) {
                    return false; // the fd was closed while listing
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    private static java.util.List<String[]> lines() {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        for (String f : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(f))) {
                    out.add(line.trim().split("\\s+"));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
        }
        return out;
    }
}
