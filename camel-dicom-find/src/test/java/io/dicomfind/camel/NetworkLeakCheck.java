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
final class NetworkLeakCheck {
    private final int baselineSockets;

    private NetworkLeakCheck(int baselineSockets) {
        this.baselineSockets = baselineSockets;
    }

    static NetworkLeakCheck baseline() {
        return new NetworkLeakCheck(openSockets());
    }

    /** Sockets of this process: fds whose link reads {@code socket:[...]}. */
    static int openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // the fd was closed while listing
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    /**
     * Asserts zero open associations and no more sockets than at the baseline. A closing socket may linger for a
     * moment after close() returned on another thread (a StreamList completion), so this waits up to 5 s.
     */
    void assertNoLeak(CamelContext context) throws InterruptedException {
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
                + " before the test");
    }
}
