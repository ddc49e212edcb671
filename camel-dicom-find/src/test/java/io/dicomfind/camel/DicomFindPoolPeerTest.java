package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.QueryRetrieveScp;
import io.dicomfind.peers.TcpConnections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * producerPoolEnabled against real peers, counting associations where the SCP sees them (its established TCP
 * connections in {@code /proc/net/tcp}: DCMTK forks a process per association): DCMTK dcmqrscp keeps one pooled
 * association for sequential exchanges and never more than producerPoolMaxTotal for concurrent routes; at its
 * association cap it rejects with rejected-transient / local-limit-exceeded, which a redelivery policy on
 * {@code exception.transientRejection} retries until the pooled association that held the slot idled out, while a
 * permanent rejection is not retried; Orthanc, with {@code DicomScpTimeout} 1 s, drops an idle pooled association
 * and the next exchange still succeeds, transparently.
 */
class DicomFindPoolPeerTest {
    private CamelContext context;
    private final List<AutoCloseable> peers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        for (AutoCloseable p : peers) {
            p.close();
        }
    }

    private <T extends AutoCloseable> T peer(T p) {
        peers.add(p);
        return p;
    }

    private ProducerTemplate start(RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
        return context.createProducerTemplate();
    }

    private static String uri(DicomPeer p, String options) {
        return "dicomfind:" + p.calledAeTitle() + "@" + p.host() + ":" + p.port() + "?model=study"
                + "&queryRetrieveLevel=STUDY&key.StudyInstanceUID=&key.PatientID=" + options;
    }

    /** Established TCP connections whose local port is the SCP's: the associations the SCP holds. */
    static int establishedAt(int port) {
        return TcpConnections.establishedAt(port);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
        DicomFindPoolTest.awaitScp(condition, what);
    }

    private Map<String, Object> onlyPool() {
        List<Map<String, Object>> pools = context.getComponent("dicomfind", DicomFindComponent.class).pools()
                .figures();
        assertEquals(1, pools.size(), pools.toString());
        return pools.get(0);
    }

    @Test
    void dcmqrscpSeesOneAssociationForSequentialExchangesAndNoneAfterTheContextStops() throws Exception {
        QueryRetrieveScp scp = peer(QueryRetrieveScp.start());
        int before = NetworkLeakCheck.openSockets();
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri(scp, "&producerPoolEnabled=true&key.PatientID=PID001"));
            }
        });
        for (int i = 0; i < 50; i++) {
            Exchange out = template.request("direct:find", e -> { });
            assertNull(out.getException());
            assertFalse(out.getMessage().getBody(List.class).isEmpty());
        }
        assertEquals(1, establishedAt(scp.port()), "one association at dcmqrscp");
        assertEquals(1L, onlyPool().get("created"));
        assertEquals(49L, onlyPool().get("reused"));
        context.stop();
        await(() -> establishedAt(scp.port()) == 0, "dcmqrscp's association to end");
        await(() -> NetworkLeakCheck.openSockets() <= before, "our socket to close");
        assertEquals(0, DicomFindPoolTest.poolThreads());
    }

    @Test
    void sixteenConcurrentRoutesNeverOpenMoreThanMaxTotalAtDcmqrscp() throws Exception {
        QueryRetrieveScp scp = peer(QueryRetrieveScp.start(4)); // a fifth association would be rejected
        int before = NetworkLeakCheck.openSockets();
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                for (int r = 0; r < 16; r++) {
                    from("direct:route" + r).to(uri(scp, "&producerPoolEnabled=true&producerPoolMaxTotal=4"
                            + "&key.PatientID=PID001"));
                }
            }
        });
        AtomicInteger errors = new AtomicInteger();
        AtomicLong maxAtScp = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                maxAtScp.accumulateAndGet(establishedAt(scp.port()), Math::max);
            }
        });
        sampler.start();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < 16; r++) {
                String route = "direct:route" + r;
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        Exchange out = template.request(route, x -> { });
                        if (out.getException() != null) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            threads.shutdown();
            running.set(false);
            sampler.join();
        }
        assertEquals(0, errors.get());
        assertTrue(maxAtScp.get() >= 1 && maxAtScp.get() <= 4, "associations at dcmqrscp: " + maxAtScp.get());
        assertTrue((Long) onlyPool().get("created") <= 4, onlyPool().toString());
        context.stop();
        await(() -> establishedAt(scp.port()) == 0, "dcmqrscp's associations to end");
        await(() -> NetworkLeakCheck.openSockets() <= before, "our sockets to close");
    }

    @Test
    void transientRejectionAtTheAssociationCapIsRedeliveredAndAPermanentOneIsNot() throws Exception {
        QueryRetrieveScp scp = peer(QueryRetrieveScp.start(1));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                // the route the component docs show: retry only what PS3.8 calls transient
                onException(DicomFindAssociationException.class)
                        .onWhen(simple("${exception.transientRejection}"))
                        .maximumRedeliveries(20).redeliveryDelay(250)
                        .handled(false);
                // holds dcmqrscp's only association slot until it idles out after 1 s
                from("direct:holder").to(uri(scp, "&callingAet=HOLDER&producerPoolEnabled=true"
                        + "&producerPoolMinEvictableIdle=1s&key.PatientID=PID001"));
                from("direct:other").to(uri(scp, "&callingAet=OTHER&key.PatientID=PID001"));
                from("direct:unknownAe").to("dicomfind:NOSUCHAE@" + scp.host() + ":" + scp.port()
                        + "?model=study&queryRetrieveLevel=STUDY&key.PatientID=PID001");
            }
        });
        assertNull(template.request("direct:holder", e -> { }).getException());
        assertEquals(1, establishedAt(scp.port()), "the pooled association holds the slot");
        Exchange other = template.request("direct:other", e -> { });
        assertNull(other.getException(), "redelivered until the slot came free");
        assertFalse(other.getMessage().getBody(List.class).isEmpty());
        Integer redeliveries = other.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        assertTrue(redeliveries != null && redeliveries >= 1, "was rejected at first: " + redeliveries);

        Exchange unknown = template.request("direct:unknownAe", e -> { });
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class,
                unknown.getException());
        assertEquals(DicomFindAssociationException.Reason.REJECTED, e.getReason());
        assertFalse(e.isTransientRejection(), e.getMessage());
        assertEquals(0, unknown.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class),
                "a permanent rejection is final");
    }

    @Test
    void theRejectionAtDcmqrscpsCapIsTypedTransient() throws Exception {
        QueryRetrieveScp scp = peer(QueryRetrieveScp.start(1));
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:holder").to(uri(scp, "&callingAet=HOLDER&producerPoolEnabled=true"
                        + "&key.PatientID=PID001"));
                from("direct:other").to(uri(scp, "&callingAet=OTHER&key.PatientID=PID001"));
            }
        });
        // dcmqrscp reaps the storescu loads' children lazily: the slot may take a moment to come free
        for (int i = 0; template.request("direct:holder", e -> { }).getException() != null; i++) {
            assertTrue(i < 40, "dcmqrscp's only slot never came free");
            Thread.sleep(250);
        }
        Exchange other = template.request("direct:other", e -> { });
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class,
                other.getException());
        assertEquals(DicomFindAssociationException.Reason.REJECTED, e.getReason());
        assertTrue(e.isTransientRejection(), e.getMessage());
        assertTrue(e.getReasonText().contains("local-limit-exceeded"), e.getReasonText());
    }

    @Test
    void orthancDroppingAnIdlePooledAssociationIsTransparent() throws Exception {
        OrthancPeer orthanc = peer(OrthancPeer.startEmpty("\"DicomScpTimeout\": 1"));
        int before = NetworkLeakCheck.openSockets();
        ProducerTemplate template = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to(uri(orthanc, "&producerPoolEnabled=true&producerPoolMinEvictableIdle=60s"));
            }
        });
        assertNull(template.request("direct:find", e -> { }).getException());
        assertEquals(1, establishedAt(orthanc.port()));
        await(() -> establishedAt(orthanc.port()) == 0, "Orthanc to drop the idle association (DicomScpTimeout)");
        for (int i = 0; i < 3; i++) {
            Exchange out = template.request("direct:find", e -> { });
            assertNull(out.getException(), "the dropped association must not surface");
            assertEquals(0, out.getMessage().getHeader(DicomFindConstants.STATUS, Integer.class));
        }
        Map<String, Object> pool = onlyPool();
        assertEquals(2L, pool.get("created"), pool.toString());
        assertEquals(1L, pool.get("destroyed"), pool.toString());
        // Orthanc ends it with a PDU before closing, so it is found when lent out, before any C-FIND-RQ is lost
        assertEquals(0L, pool.get("retried"), pool.toString());
        context.stop();
        await(() -> NetworkLeakCheck.openSockets() <= before, "our sockets to close");
    }
}
