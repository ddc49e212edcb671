package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.IdleAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * producerPoolEnabled against the embedded SCP, whose counters see every association from the other side: reuse,
 * the SCP releasing (A-RELEASE-RQ, answered) or aborting an idle association, a StreamList holding its association
 * until it is closed, an abandoned stream cancelled and its association reused, 16 concurrent routes x 1,000
 * exchanges on at most 4 associations, and nothing left open (associations, sockets, the pool's evictor thread)
 * when the context stops. The real-peer cases (DCMTK, Orthanc) are in {@link DicomFindPoolPeerTest}.
 */
class DicomFindPoolTest {
    private static final int ITEMS = 5;
    private EmbeddedFindScp scp;
    private CamelContext context;
    private int baselineSockets;

    static List<Attributes> worklist() {
        List<Attributes> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.PatientName, VR.PN, "POOL^P" + i);
            a.setString(Tag.PatientID, VR.LO, "P" + i);
            a.setString(Tag.AccessionNumber, VR.SH, "A" + i);
            items.add(a);
        }
        return items;
    }

    private void startScp(EmbeddedFindScp.Builder b) throws Exception {
        scp = b.aeTitle("POOLSCP").port(0).worklist(worklist()).start();
        baselineSockets = NetworkLeakCheck.openSockets();
    }

    private String uri(String options) {
        return "dicomfind:POOLSCP@127.0.0.1:" + scp.port() + "?producerPoolEnabled=true&key.PatientName="
                + "&key.PatientID=" + options;
    }

    private ProducerTemplate start(RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
        return context.createProducerTemplate();
    }

    @BeforeEach
    void noContextYet() {
        context = null;
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (scp != null) {
            scp.close();
        }
    }

    private DicomFindComponent component() {
        return context.getComponent("dicomfind", DicomFindComponent.class);
    }

    private Map<String, Object> pool() {
        List<Map<String, Object>> pools = component().pools().figures();
        assertEquals(1, pools.size(), "one pool: " + pools);
        return pools.get(0);
    }

    /** After the context stopped: every association released, no socket and no pool thread left. */
    private void assertNothingLeftAfterStop() throws Exception {
        context.stop();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((scp.counters().openAssociations() > 0 || NetworkLeakCheck.openSockets() > baselineSockets
                || poolThreads() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, scp.counters().openAssociations(), "associations open at the SCP: " + scp.counters());
        assertTrue(NetworkLeakCheck.openSockets() <= baselineSockets, "sockets left open: "
                + NetworkLeakCheck.describeSockets());
        assertEquals(0, poolThreads(), "commons-pool evictor thread still running");
        assertEquals(0, component().getPooledAssociations());
    }

    static long poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("commons-pool")).count();
    }

    @Test
    void exchangesShareOneAssociationWhichIsReleasedWhenTheContextStops() throws Exception {
        startScp(EmbeddedFindScp.builder());
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri(""));
            }
        });
        for (int i = 0; i < 20; i++) {
            List<?> body = template.requestBody("direct:find", null, List.class);
            assertEquals(ITEMS, body.size());
        }
        assertEquals(1, scp.counters().totalAssociations(), scp.counters().toString());
        assertEquals(20, scp.counters().queries());
        assertEquals(1, scp.counters().openAssociations(), "kept open between exchanges");
        Map<String, Object> pool = pool();
        assertEquals(1, pool.get("open"));
        assertEquals(1, pool.get("idle"));
        assertEquals(0, pool.get("inUse"));
        assertEquals(1L, pool.get("created"));
        assertEquals(19L, pool.get("reused"));
        assertEquals(0, component().getActivity().getOpenAssociations(), "no C-FIND running");
        assertNothingLeftAfterStop();
        assertEquals(1, scp.counters().releasedAssociations(), "released with A-RELEASE, not dropped");
        assertEquals(0, scp.counters().abortedAssociations());
    }

    @Test
    void anIdleAssociationTheScpReleasedIsAnsweredAndReplaced() throws Exception {
        startScp(EmbeddedFindScp.builder().idleTimeout(Duration.ofMillis(300)).idleAction(IdleAction.RELEASE));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri("&producerPoolMinEvictableIdle=60s"));
            }
        });
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        Thread.sleep(700); // the SCP sends its A-RELEASE-RQ after 300 ms idle and waits for our A-RELEASE-RP
        // the next exchange finds it when borrowing, answers A-RELEASE-RP, and opens a new association
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        awaitScp(() -> scp.counters().releasedAssociations() == 1, "the SCP's idle release, completed");
        assertEquals(2, scp.counters().totalAssociations(), scp.counters().toString());
        assertEquals(0, scp.counters().abortedAssociations(), scp.counters().toString());
        Map<String, Object> pool = pool();
        assertEquals(2L, pool.get("created"));
        assertEquals(1L, pool.get("destroyed"));
        assertNothingLeftAfterStop();
    }

    @Test
    void anIdleAssociationTheScpAbortedIsReplaced() throws Exception {
        startScp(EmbeddedFindScp.builder().idleTimeout(Duration.ofMillis(300)));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri("&producerPoolMinEvictableIdle=60s"));
            }
        });
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        awaitScp(() -> scp.counters().abortedAssociations() == 1, "the SCP's idle abort");
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        assertEquals(2, scp.counters().totalAssociations(), scp.counters().toString());
        assertEquals(2, scp.counters().queries(), "no query was lost or sent twice");
        assertNothingLeftAfterStop();
    }

    @Test
    void aQueryOnAnAssociationTheScpDroppedSilentlyIsSentOnceMoreOnAFreshOne() throws Exception {
        // no PDU, only a closed connection: nothing to see when lending it out; the C-FIND's first read fails
        startScp(EmbeddedFindScp.builder().idleTimeout(Duration.ofMillis(300)).idleAction(IdleAction.DROP));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri("&producerPoolMinEvictableIdle=60s"));
            }
        });
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        awaitScp(() -> scp.counters().abortedAssociations() == 1, "the SCP's silent drop");
        Exchange out = template.request("direct:find", x -> { });
        assertNull(out.getException(), "the retry is transparent");
        assertEquals(ITEMS, out.getMessage().getBody(List.class).size());
        assertEquals(0, out.getMessage().getHeader(DicomFindConstants.STATUS, Integer.class));
        Map<String, Object> pool = pool();
        assertEquals(1L, pool.get("retried"), pool.toString());
        assertEquals(2L, pool.get("created"), pool.toString());
        assertEquals(2, scp.counters().queries(), "the lost C-FIND-RQ never reached the SCP; the retry did");
        assertNothingLeftAfterStop();
    }

    @Test
    void otherFailuresOnAReusedAssociationSurfaceAndAreNotRetried() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean();
        scp = EmbeddedFindScp.builder().aeTitle("POOLSCP").port(0)
                .worklist(io.dicomfind.dicom.scp.DataSetSource.ofStream(() -> {
                    if (slow.get()) {
                        try {
                            Thread.sleep(1500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return worklist().stream();
                })).start();
        baselineSockets = NetworkLeakCheck.openSockets();
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri("&dimseTimeout=400ms"));
            }
        });
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        slow.set(true);
        Exchange out = template.request("direct:find", x -> { });
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class,
                out.getException());
        assertEquals(DicomFindAssociationException.Reason.DIMSE_TIMEOUT, e.getReason(), e.getMessage());
        assertEquals(0L, pool().get("retried"));
        assertEquals(2, scp.counters().queries(), "not sent again");
        slow.set(false);
        assertEquals(ITEMS, template.requestBody("direct:find", null, List.class).size());
        assertNothingLeftAfterStop();
    }

    @Test
    void idleAssociationsAreReleasedAfterMinEvictableIdle() throws Exception {
        startScp(EmbeddedFindScp.builder());
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri("&producerPoolMinEvictableIdle=400ms"));
            }
        });
        template.requestBody("direct:find", null, List.class);
        awaitScp(() -> scp.counters().releasedAssociations() == 1, "eviction after 400 ms");
        assertEquals(0, scp.counters().openAssociations());
        assertEquals(0, pool().get("open"));
        template.requestBody("direct:find", null, List.class);
        assertEquals(2, scp.counters().totalAssociations());
        assertNothingLeftAfterStop();
    }

    @Test
    void aStreamHoldsItsAssociationAndAnAbandonedOneIsCancelledAndItsAssociationReused() throws Exception {
        startScp(EmbeddedFindScp.builder().responseDelay(Duration.ofMillis(5)));
        AtomicLong inUseWhileStreaming = new AtomicLong(-1);
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                // takes the first match only, then leaves the stream: the completion must cancel the C-FIND
                from("direct:abandon").to(uri("&outputType=StreamList&producerPoolMaxTotal=1"))
                        .process(e -> {
                            Iterator<?> it = e.getMessage().getBody(Iterator.class);
                            it.next();
                            inUseWhileStreaming.set(((Number) pool().get("inUse")).longValue());
                            e.getMessage().setBody("abandoned");
                        });
                from("direct:list").to(uri("&producerPoolMaxTotal=1&outputType=StreamList"))
                        .split(body()).streaming().to("mock:each");
            }
        });
        assertEquals("abandoned", template.requestBody("direct:abandon", (Object) null));
        assertEquals(1, inUseWhileStreaming.get(), "the stream holds its association");
        awaitScp(() -> scp.counters().cancels() == 1, "C-CANCEL of the abandoned stream");
        assertEquals(0, pool().get("inUse"));
        assertEquals(1, pool().get("idle"), "given back after C-CANCEL and the final response");
        template.requestBody("direct:list", (Object) null);
        template.requestBody("direct:abandon", (Object) null);
        assertEquals(1, scp.counters().totalAssociations(), "one association for all: " + scp.counters());
        assertEquals(3, scp.counters().queries());
        assertEquals(2, scp.counters().cancels());
        assertNothingLeftAfterStop();
    }

    @Test
    void exhaustedPoolFailsWithPoolExhaustedWhenNotBlocking() throws Exception {
        startScp(EmbeddedFindScp.builder().responseDelay(Duration.ofMillis(5)));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hold").to(uri("&outputType=StreamList&producerPoolMaxTotal=1"
                        + "&producerPoolBlockWhenExhausted=false"))
                        .process(e -> {
                            Exchange second = e.getContext().createProducerTemplate().request(uri(
                                    "&outputType=StreamList&producerPoolMaxTotal=1"
                                            + "&producerPoolBlockWhenExhausted=false"), x -> { });
                            e.getMessage().setBody(second.getException());
                        });
            }
        });
        Object second = template.requestBody("direct:hold", (Object) null);
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class, second);
        assertEquals(DicomFindAssociationException.Reason.POOL_EXHAUSTED, e.getReason());
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("producerPoolMaxTotal") && e.getMessage().contains("POOLSCP@"),
                e.getMessage());
        assertEquals(1, scp.counters().totalAssociations(), "nothing sent for the second");
        assertNothingLeftAfterStop();
    }

    @Test
    void sixteenConcurrentRoutesTimesThousandExchangesUseAtMostFourAssociations() throws Exception {
        // maxAssociations(4): a fifth association would be rejected and fail its exchange
        startScp(EmbeddedFindScp.builder().maxAssociations(4));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                for (int r = 0; r < 16; r++) {
                    from("direct:route" + r).to(uri("&producerPoolMaxTotal=4&key.PatientID=P3"));
                }
            }
        });
        AtomicInteger errors = new AtomicInteger();
        AtomicLong maxOpenAtScp = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < 16; r++) {
                String route = "direct:route" + r;
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        Exchange out = template.request(route, x -> { });
                        if (out.getException() != null || out.getMessage().getBody(List.class).size() != 1) {
                            errors.incrementAndGet();
                        }
                        maxOpenAtScp.accumulateAndGet(scp.counters().openAssociations(), Math::max);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(0, errors.get());
        assertEquals(0, scp.counters().rejectedAssociations(), scp.counters().toString());
        assertTrue(maxOpenAtScp.get() <= 4, "at most 4 open at the SCP, saw " + maxOpenAtScp.get());
        assertTrue(scp.counters().totalAssociations() <= 4, scp.counters().toString());
        assertEquals(16_000, scp.counters().queries());
        assertNothingLeftAfterStop();
    }

    @Test
    void thePollingConsumerKeepsItsAssociationBetweenPolls() throws Exception {
        startScp(EmbeddedFindScp.builder());
        AtomicInteger routed = new AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("&delay=50&initialDelay=0")).process(e -> routed.incrementAndGet());
            }
        });
        awaitScp(() -> scp.counters().queries() >= 5, "five polls");
        context.getRouteController().stopAllRoutes();
        assertTrue(routed.get() >= 5 * ITEMS, "routed " + routed.get());
        assertEquals(1, scp.counters().totalAssociations(), "one association for every poll: " + scp.counters());
        assertNothingLeftAfterStop();
    }

    @Test
    void camelMainComponentPropertiesConfigureThePool() throws Exception {
        startScp(EmbeddedFindScp.builder());
        org.apache.camel.main.Main main = new org.apache.camel.main.Main();
        main.addInitialProperty("camel.component.dicomfind.producerPoolEnabled", "true");
        main.addInitialProperty("camel.component.dicomfind.producerPoolMaxTotal", "2");
        main.addInitialProperty("camel.component.dicomfind.producerPoolMinEvictableIdle", "45s");
        main.start();
        try {
            context = main.getCamelContext();
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < 3; i++) {
                assertEquals(ITEMS, template.requestBody("dicomfind:POOLSCP@127.0.0.1:" + scp.port()
                        + "?key.PatientName=", null, List.class).size());
            }
            assertEquals(1, scp.counters().totalAssociations(), scp.counters().toString());
            assertEquals(2, pool().get("maxTotal"));
            assertNothingLeftAfterStop();
        } finally {
            main.stop();
        }
    }

    @Test
    void poolFiguresAreInTheDevConsoleAndTheHealthCheck() throws Exception {
        startScp(EmbeddedFindScp.builder());
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri(""));
            }
        });
        template.requestBody("direct:find", null, List.class);
        template.requestBody("direct:find", null, List.class);
        DicomFindDevConsole console = new DicomFindDevConsole();
        console.setCamelContext(context);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pools = (List<Map<String, Object>>) ((Map<String, Object>) console.call(
                org.apache.camel.console.DevConsole.MediaType.JSON)).get("pools");
        assertEquals(1, pools.size());
        assertEquals(1, pools.get(0).get("open"));
        assertEquals(1L, pools.get(0).get("reused"));
        String text = (String) console.call(org.apache.camel.console.DevConsole.MediaType.TEXT);
        assertTrue(text.contains("pool peer=POOLSCP@127.0.0.1:" + scp.port()) && text.contains("idle=1")
                && text.contains("created=1") && text.contains("reused=1"), text);
        DicomFindEndpoint endpoint = context.getEndpoints().stream().filter(DicomFindEndpoint.class::isInstance)
                .map(DicomFindEndpoint.class::cast).findFirst().orElseThrow();
        DicomFindEchoHealthCheck check = new DicomFindEchoHealthCheck(endpoint, "test");
        check.setCamelContext(context);
        org.apache.camel.health.HealthCheck.Result result = check.call();
        assertEquals(org.apache.camel.health.HealthCheck.State.UP, result.getState(), result.getMessage().orElse(""));
        assertEquals(1, result.getDetails().get("pool.open"));
        assertEquals(1, result.getDetails().get("pool.idle"));
        assertEquals(0, result.getDetails().get("pool.inUse"));
        assertEquals(1L, result.getDetails().get("pool.created"));
        assertEquals(0L, result.getDetails().get("pool.destroyed"));
        assertEquals(1L, result.getDetails().get("pool.reused"));
        assertNothingLeftAfterStop();
        assertNull(endpoint.getTls());
    }

    /** Waits up to 10 s for what a peer does in its own time. */
    static void awaitScp(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
