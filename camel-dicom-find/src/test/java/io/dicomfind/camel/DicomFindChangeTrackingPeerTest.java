package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.change.ChangeSnapshotStore;
import io.dicomfind.camel.change.FileChangeSnapshotStore;
import io.dicomfind.camel.change.MemoryChangeSnapshotStore;
import io.dicomfind.camel.change.WorklistFiles;
import io.dicomfind.camel.change.WorklistFiles.Item;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.WorklistScp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * changeTracking against DCMTK wlmscpfs, with worklist files added, changed and removed between polls. Polls are run
 * one at a time by the test ({@code startScheduler=false}, then {@code poll()}), so every assertion is about one
 * known poll. After each test: no association and no socket left open.
 */
class DicomFindChangeTrackingPeerTest {
    private static final String KEYS = "&key.PatientName=&key.PatientID=&key.AccessionNumber="
            + "&key.ScheduledProcedureStepSequence.Modality=&key.ScheduledProcedureStepSequence.ScheduledStationAETitle="
            + "&key.ScheduledProcedureStepSequence.ScheduledProcedureStepStartDate="
            + "&key.ScheduledProcedureStepSequence.ScheduledProcedureStepStartTime=";

    private WorklistScp scp;
    private WorklistFiles files;
    private NetworkLeakCheck leaks;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private Path tmp;

    @BeforeEach
    void start() {
        leaks = NetworkLeakCheck.baseline();
        scp = WorklistScp.startDcmtkExamples();
        files = WorklistFiles.of(scp);
        files.clear();
        tmp = Peers.tempDir("change-store");
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext c : contexts) {
            leaks.assertNoLeak(c);
            c.close();
        }
        files.close();
        scp.close();
        Peers.deleteRecursively(tmp);
    }

    private String uri(String options) {
        int port = options.contains("port=nothing") ? Peers.freePort() : scp.port();
        return "dicomfind:OFFIS@127.0.0.1:" + port + "?changeTracking=true&startScheduler=false"
                + "&changeSnapshotName=wl" + KEYS + options.replace("&port=nothing", "");
    }

    /** A started context with one consumer route; the store is bound as "store". */
    private DicomFindConsumer consumer(ChangeSnapshotStore store, String options, Failing failing) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("store", store);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("&changeSnapshotStore=#store" + options)).routeId("changes").process(e -> {
                    if (failing != null && failing.fails(e)) {
                        throw new IllegalStateException("route failed on " + e.getMessage().getHeader(
                                DicomFindConstants.ITEM_KEY));
                    }
                    received.add(e.copy());
                });
            }
        });
        context.start();
        contexts.add(context);
        return (DicomFindConsumer) context.getRoute("changes").getConsumer();
    }

    interface Failing {
        boolean fails(Exchange e);
    }

    private List<Exchange> poll(DicomFindConsumer consumer) throws Exception {
        received.clear();
        consumer.poll();
        return new ArrayList<>(received);
    }

    private static String type(Exchange e) {
        return e.getMessage().getHeader(DicomFindConstants.CHANGE_TYPE, String.class);
    }

    private static String key(Exchange e) {
        return e.getMessage().getHeader(DicomFindConstants.ITEM_KEY, String.class);
    }

    @Test
    void newChangedRemovedOncePerChange() throws Exception {
        Item a = WorklistFiles.item(1);
        Item b = WorklistFiles.item(2);
        Item c = WorklistFiles.item(3);
        files.put(a);
        files.put(b);
        files.put(c);
        DicomFindConsumer consumer = consumer(new MemoryChangeSnapshotStore(), "", null);

        List<Exchange> first = poll(consumer);
        assertEquals(3, first.size());
        first.forEach(e -> assertEquals("NEW", type(e)));
        assertEquals(List.of(a.key(), b.key(), c.key()).stream().sorted().toList(),
                first.stream().map(DicomFindChangeTrackingPeerTest::key).sorted().toList());
        Attributes body = first.get(0).getMessage().getBody(Attributes.class);
        assertTrue(body.getString(io.dicomfind.dicom.data.Tag.PatientName).startsWith("PATIENT^N"));
        assertEquals(64, first.get(0).getMessage().getHeader(DicomFindConstants.CONTENT_HASH, String.class).length());

        assertEquals(List.of(), poll(consumer), "nothing changed, nothing reported");

        files.put(b.withModality("MR"));
        files.remove(c);
        Item d = WorklistFiles.item(4);
        files.put(d);
        List<Exchange> second = poll(consumer);
        assertEquals(3, second.size(), second.toString());
        Exchange changed = only(second, "CHANGED");
        assertEquals(b.key(), key(changed));
        assertEquals(List.of("ScheduledProcedureStepSequence[0].Modality"),
                changed.getMessage().getHeader(DicomFindConstants.CHANGED_ATTRIBUTES, List.class));
        assertEquals(Map.of("ScheduledProcedureStepSequence[0].Modality", "CT"),
                changed.getMessage().getHeader(DicomFindConstants.PREVIOUS_VALUES, Map.class));
        assertEquals("MR", changed.getMessage().getBody(Attributes.class)
                .getSequence(io.dicomfind.dicom.data.Tag.ScheduledProcedureStepSequence).get(0)
                .getString(io.dicomfind.dicom.data.Tag.Modality));
        Exchange removed = only(second, "REMOVED");
        assertEquals(c.key(), key(removed));
        assertNull(removed.getMessage().getBody());
        assertEquals("PATIENT^N003", removed.getMessage().getHeader(DicomFindConstants.PREVIOUS_VALUES, Map.class)
                .get("PatientName"));
        assertEquals(d.key(), key(only(second, "NEW")));

        assertEquals(List.of(), poll(consumer), "a removal is reported once");

        // a change to any returned attribute, nested or not, is CHANGED
        files.put(a.withTime("171500").withPatientName("OTHER^NAME"));
        Exchange both = poll(consumer).get(0);
        assertEquals(List.of("PatientName", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime"),
                both.getMessage().getHeader(DicomFindConstants.CHANGED_ATTRIBUTES, List.class));
    }

    private static Exchange only(List<Exchange> exchanges, String type) {
        List<Exchange> of = exchanges.stream().filter(e -> type.equals(type(e))).toList();
        assertEquals(1, of.size(), type + " in " + exchanges);
        return of.get(0);
    }

    @Test
    void anIncompletePollReportsNothingAndKeepsTheSnapshot() throws Exception {
        ChangeSnapshotStore store = new MemoryChangeSnapshotStore();
        for (int n = 1; n <= 6; n++) {
            files.put(WorklistFiles.item(n));
        }
        DicomFindConsumer complete = consumer(store, "", null);
        assertEquals(6, poll(complete).size());

        files.remove(WorklistFiles.item(1));
        files.put(WorklistFiles.item(2).withModality("US"));
        // same snapshot, but the poll fails: no SCP there ...
        DicomFindConsumer unreachable = consumer(store, "&port=nothing", null);
        received.clear();
        assertThrows(DicomFindAssociationException.class, unreachable::poll);
        assertEquals(List.of(), received);
        // ... or a response limit aborts the association in the middle of the answer
        DicomFindConsumer limited = consumer(store, "&maxResponses=3", null);
        assertThrows(DicomFindResponseLimitException.class, limited::poll);
        assertEquals(6, store.load("wl").size(), "snapshot untouched by incomplete polls");

        List<Exchange> next = poll(complete);
        assertEquals(2, next.size(), next.toString());
        assertEquals(WorklistFiles.item(1).key(), key(only(next, "REMOVED")));
        assertEquals(WorklistFiles.item(2).key(), key(only(next, "CHANGED")));
    }

    @Test
    void aChangeTheRouteFailedOnIsReportedAgain() throws Exception {
        files.put(WorklistFiles.item(1));
        files.put(WorklistFiles.item(2));
        AtomicBoolean fail = new AtomicBoolean(true);
        String victim = WorklistFiles.item(2).key();
        DicomFindConsumer consumer = consumer(new MemoryChangeSnapshotStore(), "",
                e -> fail.get() && victim.equals(key(e)));
        assertEquals(List.of(WorklistFiles.item(1).key()), poll(consumer).stream()
                .map(DicomFindChangeTrackingPeerTest::key).toList());
        fail.set(false);
        List<Exchange> again = poll(consumer);
        assertEquals(List.of(victim), again.stream().map(DicomFindChangeTrackingPeerTest::key).toList());
        assertEquals("NEW", type(again.get(0)));
        assertEquals(List.of(), poll(consumer));
    }

    @Test
    void maxMessagesPerPollLeavesTheRestForTheNextPoll() throws Exception {
        for (int n = 1; n <= 5; n++) {
            files.put(WorklistFiles.item(n));
        }
        DicomFindConsumer consumer = consumer(new MemoryChangeSnapshotStore(), "&maxMessagesPerPoll=2", null);
        assertEquals(2, poll(consumer).size());
        assertEquals(2, poll(consumer).size());
        assertEquals(1, poll(consumer).size());
        assertEquals(0, poll(consumer).size());
    }

    @Test
    void theFileStoreSurvivesARestart() throws Exception {
        files.put(WorklistFiles.item(1));
        files.put(WorklistFiles.item(2));
        DicomFindConsumer first = consumer(new FileChangeSnapshotStore(tmp), "", null);
        assertEquals(2, poll(first).size());
        CamelContext old = contexts.remove(0);
        leaks.assertNoLeak(old);
        old.close();

        files.put(WorklistFiles.item(2).withModality("MR"));
        DicomFindConsumer restarted = consumer(new FileChangeSnapshotStore(tmp), "", null);
        List<Exchange> after = poll(restarted);
        assertEquals(1, after.size(), after.toString());
        assertEquals("CHANGED", type(after.get(0)));
    }

    @Test
    void withoutTheKeyAttributesInTheAnswerTheAccessionAndRequestedProcedureAreTheKey() throws Exception {
        files.put(WorklistFiles.item(1));
        // changeKey given: the query is extended with it as a return key, whatever the endpoint asks for
        DicomFindConsumer consumer = consumer(new MemoryChangeSnapshotStore(), "&changeKey=AccessionNumber,"
                + "(0040,0100).(0040,0002)", null);
        assertEquals("HAACC001|20261203", key(poll(consumer).get(0)));
    }

    /** Leadership lost in the middle of a C-FIND: the route stops, the C-FIND is cancelled, nothing is reported. */
    @Test
    void stoppingTheRouteDuringACFindCancelsIt() throws Exception {
        scp.close();
        scp = WorklistScp.startDcmtkExamples("--sleep-during", "1"); // about a second per match
        files.close();
        files = WorklistFiles.of(scp);
        files.clear();
        for (int n = 1; n <= 8; n++) {
            files.put(WorklistFiles.item(n));
        }
        ChangeSnapshotStore store = new MemoryChangeSnapshotStore();
        DicomFindConsumer consumer = consumer(store, "", null);
        CamelContext context = contexts.get(0);
        ExecutorService pollThread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> poll = pollThread.submit(consumer::poll);
            DicomFindEndpoint endpoint = (DicomFindEndpoint) consumer.getEndpoint();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (endpoint.getActivity().getResponses() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, endpoint.getActivity().getOpenAssociations(), "the C-FIND is running");
            long t0 = System.nanoTime();
            context.getRouteController().stopRoute("changes", 20, TimeUnit.SECONDS);
            assertEquals(0, poll.get(20, TimeUnit.SECONDS));
            long stopMillis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(stopMillis < 8_000, "stopped after " + stopMillis + " ms, not after all 8 matches");
            assertEquals(0, endpoint.getActivity().getOpenAssociations());
            assertTrue(endpoint.getActivity().getResponses() < 8, "cancelled before the end");
            assertEquals(List.of(), received);
            assertEquals(Map.of(), store.load("wl"));
        } finally {
            pollThread.shutdownNow();
        }
    }
}
