package io.dicomfind.dicom.net.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.pdu.Pdu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The frame of every hostile-peer test: one misbehaviour of {@link HostileScp}, one client call that must end
 * within the configured timeouts with a specific exception (type and message), then three checks: no socket and no
 * thread left behind (open sockets counted in /proc/self/fd, threads by name), and a new association to the same
 * SCP, now well-behaved, works.
 */
abstract class HostileTestBase {
    static final Duration ACSE = Duration.ofSeconds(1);
    static final Duration DIMSE = Duration.ofSeconds(1);
    static final Duration ARTIM = Duration.ofMillis(500);
    static final Duration SOCKET = Duration.ofSeconds(3);
    /** Every call must end within its timer (at most ACSE or DIMSE) + ARTIM + scheduling slack. */
    static final long BOUND_MILLIS = 1000 + 500 + 1500;

    static HostileScp scp;

    /** The client's part of a test. */
    @FunctionalInterface
    interface ClientCall {
        void run(AssociationConfig config) throws Exception;
    }

    /** What a test sees after a hostile behaviour. */
    record Outcome(Throwable thrown, HostileScp.Session session, long millis) {
        /** PDUs the client sent after the behaviour (its A-ABORT ...). */
        List<Pdu> clientSent() {
            synchronized (session.received) {
                return new ArrayList<>(session.received);
            }
        }
    }

    @BeforeAll
    static void startScp() throws Exception {
        String heap = System.getProperty("dicomfind.hostile.maxHeapMiB");
        if (heap != null) { // the surefire "hostile" execution: prove the small heap is really in force
            long max = Runtime.getRuntime().maxMemory();
            assertTrue(max <= Long.parseLong(heap) * 1024 * 1024, "max heap " + max + " bytes, not " + heap + " MiB");
        }
        scp = HostileScp.start();
        findAll(config().build()); // warm up: load every class a normal query needs before counting anything
        scp.awaitIdle(5000);
    }

    @AfterAll
    static void stopScp() throws IOException {
        scp.close();
    }

    static AssociationConfig.Builder config() {
        return AssociationConfig.builder("127.0.0.1", scp.port()).calledAeTitle("HOSTILE").acseTimeout(ACSE)
                .dimseTimeout(DIMSE).artimTimeout(ARTIM).socketTimeout(SOCKET);
    }

    static Attributes keys() {
        Attributes k = new Attributes();
        k.setNull(Tag.PatientName, VR.PN);
        k.setNull(Tag.PatientID, VR.LO);
        return k;
    }

    /** The usual client call: open, one C-FIND read to its end, release. Returns every response. */
    static List<FindResponse> findAll(AssociationConfig config) throws IOException {
        List<FindResponse> all = new ArrayList<>();
        try (Association as = Association.open(config);
                FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
            FindResponse r;
            while ((r = q.nextResponse()) != null) {
                all.add(r);
            }
        }
        return all;
    }

    static final ClientCall FIND = HostileTestBase::findAll;

    /** Runs {@code b} against {@link #FIND}; expects exactly {@code type} with every fragment in its message. */
    static Outcome expect(Class<? extends Throwable> type, HostileScp.Behaviour b, String... fragments)
            throws Exception {
        return expect(type, b, config().build(), FIND, fragments);
    }

    static Outcome expect(Class<? extends Throwable> type, HostileScp.Behaviour b, AssociationConfig config,
            ClientCall call, String... fragments) throws Exception {
        Outcome o = run(b, config, call);
        if (o.thrown == null) {
            fail("expected " + type.getSimpleName() + " but the call succeeded");
        }
        if (o.thrown.getClass() != type) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + o.thrown, o.thrown);
        }
        String msg = o.thrown.getMessage();
        for (String f : fragments) {
            assertTrue(msg != null && msg.contains(f), () -> "message lacks '" + f + "': " + msg);
        }
        assertTrue(msg.contains("127.0.0.1:" + scp.port()) || type == IllegalStateException.class,
                () -> "message does not name the peer: " + msg);
        return o;
    }

    /** For behaviours the client tolerates: the call must succeed (and the same checks apply). */
    static Outcome tolerate(HostileScp.Behaviour b, AssociationConfig config, ClientCall call) throws Exception {
        Outcome o = run(b, config, call);
        if (o.thrown != null) {
            throw new AssertionError("expected the client to tolerate this, but: " + o.thrown, o.thrown);
        }
        return o;
    }

    private static Outcome run(HostileScp.Behaviour b, AssociationConfig config, ClientCall call)
            throws Exception {
        Snapshot before = Snapshot.take();
        scp.next(b);
        long t0 = System.nanoTime();
        Throwable thrown = null;
        try {
            call.run(config);
        } catch (Throwable t) {
            thrown = t;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, "the call took " + millis + " ms, more than " + BOUND_MILLIS
                + " ms (timeouts: ACSE/DIMSE 1 s, ARTIM 0.5 s); outcome: " + thrown);
        scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
        HostileScp.Session session = scp.lastSession();
        before.assertNoLeak("after the hostile behaviour");
        // the next association, to the same SCP now behaving, must work
        List<FindResponse> good = findAll(config().build());
        assertEquals(2, good.size(), "a good SCP answers one match and Success: " + good);
        assertEquals(HostileScp.GOOD_NAME, good.get(0).identifier().getString(Tag.PatientName));
        assertTrue(good.get(1).status().isSuccess(), good.get(1).toString());
        scp.awaitIdle(5000);
        assertEquals(null, scp.lastSession().failure, "the good session failed");
        before.assertNoLeak("after the good association");
        return new Outcome(thrown, session, millis);
    }

    /** Open sockets of this process and the client-side threads (every thread not belonging to the fixture). */
    record Snapshot(long sockets, Set<String> threads) {
        static Snapshot take() throws IOException {
            return new Snapshot(openSockets(), clientThreads());
        }

        void assertNoLeak(String when) throws Exception {
            long deadline = System.nanoTime() + 2_000_000_000L; // closes are synchronous; allow the OS a moment
            Snapshot now = take();
            while ((now.sockets != sockets || !threads.containsAll(now.threads)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                now = take();
            }
            assertEquals(sockets, now.sockets, "open sockets " + when);
            Set<String> extra = now.threads.stream().filter(t -> !threads.contains(t)).collect(Collectors.toSet());
            assertTrue(extra.isEmpty(), "threads left " + when + ": " + extra);
        }

        static long openSockets() throws IOException {
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

        static Set<String> clientThreads() {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .filter(t -> !t.getName().startsWith(HostileScp.THREAD_PREFIX))
                    .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
        }
    }
}
