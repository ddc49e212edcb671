package io.dicomfind.camel.cluster.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.NetworkLeakCheck;
import io.dicomfind.camel.change.ChangeSnapshotStore;
import io.dicomfind.camel.change.MemoryChangeSnapshotStore;
import io.dicomfind.camel.change.WorklistFiles;
import io.dicomfind.camel.cluster.zookeeper.ClusterNode.Event;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.WorklistScp;
import io.dicomfind.peers.ZooKeeperServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Highly available polling on Camel 4.22's cluster SPI: two members (CamelContexts with their own cluster service)
 * run the same change-tracking consumer under {@code ClusteredRoutePolicy}, against DCMTK wlmscpfs, on a real
 * ZooKeeper 3.8 through {@link CuratorClusterService}, and on camel-file's {@code FileLockClusterService}. Exactly
 * one member polls; when it stops, the other takes over within the documented time and reports each change once.
 * The crash case ({@code kill -9} of a separate JVM) is proven in examples/worklist-ha.
 */
class ClusteredPollingTest {
    /** A clean stop deletes the latch node: takeover is route start + initialDelay + one poll. Documented bound. */
    static final Duration ZK_CLEAN_TAKEOVER = Duration.ofSeconds(5);
    static final Duration FILE_LOCK_TAKEOVER = Duration.ofSeconds(8);

    private WorklistScp scp;
    private WorklistFiles files;
    private int baselineSockets;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        baselineSockets = NetworkLeakCheck.openSockets();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        if (files != null) {
            files.close();
        }
        if (scp != null) {
            scp.close();
        }
        // every member, ZooKeeper client and peer closed: no association, no socket left in this JVM
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (NetworkLeakCheck.openSockets() > baselineSockets && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(NetworkLeakCheck.openSockets() <= baselineSockets, "sockets left open: "
                + NetworkLeakCheck.openSockets() + ", " + baselineSockets + " before");
    }

    private void worklist(String... options) {
        scp = options.length == 0 ? WorklistScp.startDcmtkExamples() : WorklistScp.startDcmtkExamples(options);
        files = WorklistFiles.of(scp);
        files.clear();
    }

    private String uri(long delay) {
        return "dicomfind:OFFIS@127.0.0.1:" + scp.port() + "?changeTracking=true&changeSnapshotName=wl"
                + "&delay=" + delay + "&initialDelay=0&key.PatientName=&key.ScheduledProcedureStepSequence.Modality=";
    }

    private ClusterNode node(String name, CamelClusterService service, ChangeSnapshotStore store, long delay)
            throws Exception {
        ClusterNode n = new ClusterNode(name, service, uri(delay), store, events);
        closeables.add(n);
        return n;
    }

    private ZooKeeperServer zooKeeper() {
        ZooKeeperServer zk = ZooKeeperServer.start();
        closeables.add(zk);
        return zk;
    }

    private static CuratorClusterService curator(ZooKeeperServer zk) {
        CuratorClusterService s = new CuratorClusterService(zk.connectString());
        s.setSessionTimeout(3000);
        s.setConnectionTimeout(2000);
        return s;
    }

    private static FileLockClusterService fileLock(Path root) {
        FileLockClusterService s = new FileLockClusterService();
        s.setRoot(root.toString());
        s.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        s.setAcquireLockInterval(1, TimeUnit.SECONDS);
        return s;
    }

    @Test
    void zooKeeperHandsOverWhenTheLeaderStops() throws Exception {
        ZooKeeperServer zk = zooKeeper();
        handover(() -> curator(zk), ZK_CLEAN_TAKEOVER);
    }

    @Test
    void fileLockHandsOverWhenTheLeaderStops() throws Exception {
        Path root = Peers.tempDir("file-lock");
        closeables.add(() -> Peers.deleteRecursively(root));
        handover(() -> fileLock(root), FILE_LOCK_TAKEOVER);
    }

    private void handover(Supplier<CamelClusterService> services, Duration bound) throws Exception {
        worklist();
        for (int n = 1; n <= 3; n++) {
            files.put(WorklistFiles.item(n));
        }
        ChangeSnapshotStore store = new MemoryChangeSnapshotStore(); // shared, as the JDBC store is across hosts
        ClusterNode a = node("node-a", services.get(), store, 300);
        await("node-a leads and reports 3 NEW", Duration.ofSeconds(20), () -> events.size() == 3);
        ClusterNode b = node("node-b", services.get(), store, 300);
        Thread.sleep(1500);
        assertTrue(a.isLeader());
        assertFalse(b.isLeader(), "one leader");
        assertFalse(b.isPolling(), "only the leader polls");
        assertEquals(0, b.endpoint().getActivity().getQueries());

        files.put(WorklistFiles.item(2).withModality("MR"));
        files.remove(WorklistFiles.item(3));
        // the change may or may not be seen by node-a before it stops; either way it must be reported once
        long t0 = System.nanoTime();
        a.close();
        assertEquals(0, a.endpoint().getActivity().getOpenAssociations(), "node-a left no association open");
        await("node-b takes over", bound.plusSeconds(10), b::isLeader);
        await("the change is reported", bound.plusSeconds(10), () -> events.size() == 5);
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(
                Math.max(events.get(4).atNanos(), events.get(3).atNanos()) - t0);
        System.out.printf("cluster takeover (%s, clean stop): %d ms%n", a.service.getClass().getSimpleName(),
                takeoverMillis);
        files.put(WorklistFiles.item(4));
        await("node-b polls", Duration.ofSeconds(10), () -> events.size() == 6);
        Thread.sleep(1000);

        List<String> reported = events.stream().map(e -> e.type() + " " + e.key()).toList();
        assertEquals(List.of(
                "NEW " + WorklistFiles.item(1).key(), "NEW " + WorklistFiles.item(2).key(),
                "NEW " + WorklistFiles.item(3).key()),
                reported.subList(0, 3).stream().sorted().toList());
        assertEquals(List.of("CHANGED " + WorklistFiles.item(2).key(), "REMOVED " + WorklistFiles.item(3).key()),
                reported.subList(3, 5));
        assertEquals("NEW " + WorklistFiles.item(4).key(), reported.get(5));
        assertEquals(6, reported.size(), "each change exactly once: " + reported);
        assertTrue(events.subList(0, 3).stream().allMatch(e -> e.node().equals("node-a")));
        assertEquals("node-b", events.get(5).node());
        assertTrue(takeoverMillis < bound.toMillis(), "takeover took " + takeoverMillis + " ms");
    }

    /** ZooKeeper goes away while the leader's C-FIND runs: the leader steps down and cancels it, reporting nothing. */
    @Test
    void aLeaderThatLosesZooKeeperCancelsItsCFind() throws Exception {
        ZooKeeperServer zk = ZooKeeperServer.start(); // closed by the test itself
        try {
            worklist("--sleep-during", "1"); // about one match per second
            for (int n = 1; n <= 8; n++) {
                files.put(WorklistFiles.item(n));
            }
            ChangeSnapshotStore store = new MemoryChangeSnapshotStore();
            ClusterNode a = node("node-a", curator(zk), store, 60_000);
            await("the C-FIND runs", Duration.ofSeconds(20),
                    () -> a.endpoint().getActivity().getResponses() >= 1);
            assertEquals(1, a.endpoint().getActivity().getOpenAssociations());
            long t0 = System.nanoTime();
            zk.close();
            await("leadership lost", Duration.ofSeconds(10), () -> !a.isLeader());
            await("association closed", Duration.ofSeconds(10),
                    () -> a.endpoint().getActivity().getOpenAssociations() == 0);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(a.endpoint().getActivity().getResponses() < 8, "cancelled before the end");
            assertTrue(millis < 6000, "C-FIND ended " + millis + " ms after ZooKeeper went away");
            await("route stopped", Duration.ofSeconds(10), () -> !a.isPolling());
            assertEquals(List.of(), events);
            assertEquals(0, store.load("wl").size(), "nothing recorded from the cancelled poll");
        } finally {
            zk.close();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
