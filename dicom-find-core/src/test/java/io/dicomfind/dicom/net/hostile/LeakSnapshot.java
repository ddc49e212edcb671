package io.dicomfind.dicom.net.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Open sockets of this process (the {@code socket:} links in /proc/self/fd) and the client-side threads (every live
 * thread not belonging to the {@link HostileScp} fixture), taken before a hostile behaviour and compared after it.
 */
public record LeakSnapshot(long sockets, Set<String> threads) {
    public static LeakSnapshot take() throws IOException {
        return new LeakSnapshot(openSockets(), clientThreads());
    }

    /** Fails unless sockets and threads are back to this snapshot within 2 s (closes are synchronous; the OS lags). */
    public void assertNoLeak(String when) throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        LeakSnapshot now = take();
        while ((now.sockets != sockets || !threads.containsAll(now.threads)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = take();
        }
        assertEquals(sockets, now.sockets, "open sockets " + when);
        Set<String> extra = now.threads.stream().filter(t -> !threads.contains(t)).collect(Collectors.toSet());
        assertTrue(extra.isEmpty(), "threads left " + when + ": " + extra);
    }

    public static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // the directory stream's own fd, gone already
                }
            }).count();
        }
    }

    public static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith(HostileScp.THREAD_PREFIX))
                .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
    }
}
