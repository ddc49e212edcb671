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
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** A C-FIND then a release, the release being the step that stalls in some tests. */
    static final ClientCall FIND_THEN_RELEASE = c -> {
        Association as = Association.open(c);
        try (FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
            while (q.nextResponse() != null) {
                // read to the end
            }
        }
        as.release();
    };

    /** C-FIND, C-CANCEL after the first response, then read to the end. */
    static final ClientCall CANCEL_AFTER_FIRST = c -> {
        try (Association as = Association.open(c);
                FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
            q.nextResponse();
            q.cancel();
            while (q.nextResponse() != null) {
                // an SCP ignoring the cancel never stops
            }
        }
    };

    static final ClientCall ECHO = c -> {
        try (Association as = Association.open(c)) {
            as.echo();
        }
    };

    /** The association config a behaviour's {@link HostileBehaviour.Client} needs. */
    static AssociationConfig config(HostileBehaviour.Client client) {
        return switch (client) {
            case FIND, FIND_THEN_RELEASE, CANCEL_AFTER_FIRST -> config().build();
            case FIND_TWO_CONTEXTS -> config()
                    .abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND, SopClasses.STUDY_ROOT_FIND).build();
            case FIND_DEFLATED -> config().proposal(TransferSyntaxProposal.DEFLATED).build();
            case FIND_MAX_RESPONSES_50 -> config().maxResponses(50).build();
            case ECHO -> config().abstractSyntaxes(SopClasses.VERIFICATION).build();
        };
    }

    /** The client call a behaviour's {@link HostileBehaviour.Client} needs. */
    static ClientCall call(HostileBehaviour.Client client) {
        return switch (client) {
            case FIND, FIND_TWO_CONTEXTS, FIND_DEFLATED, FIND_MAX_RESPONSES_50 -> FIND;
            case FIND_THEN_RELEASE -> FIND_THEN_RELEASE;
            case CANCEL_AFTER_FIRST -> CANCEL_AFTER_FIRST;
            case ECHO -> ECHO;
        };
    }

    /** Runs a behaviour of the catalogue with its client; expects its exception type and message fragments. */
    static Outcome expect(HostileBehaviour b) throws Exception {
        if (b.tolerated()) {
            throw new IllegalArgumentException(b + " is tolerated: use tolerate(b, check)");
        }
        b.prepare();
        return expect(b.expected(), b.behaviour(), config(b.client()), call(b.client()),
                b.fragments().toArray(String[]::new));
    }

    /** Runs a tolerated behaviour of the catalogue; {@code check} is the client call, asserting what it got. */
    static Outcome tolerate(HostileBehaviour b, ClientCall check) throws Exception {
        if (!b.tolerated()) {
            throw new IllegalArgumentException(b + " is not tolerated: use expect(b)");
        }
        return tolerate(b.behaviour(), config(b.client()), check);
    }

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
        LeakSnapshot before = LeakSnapshot.take();
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
}
