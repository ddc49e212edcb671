package io.dicomfind.camel.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dicomfind.camel.DicomFindAssociationException;
import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.camel.DicomFindEchoHealthCheck;
import io.dicomfind.camel.DicomFindEndpoint;
import io.dicomfind.camel.DicomFindFailedException;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.hostile.HostileBehaviour;
import io.dicomfind.dicom.net.hostile.HostileBehaviour.Client;
import io.dicomfind.dicom.net.hostile.HostileScp;
import io.dicomfind.dicom.net.hostile.LeakSnapshot;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link HostileBehaviour} of the core's hostile-peer suite, seen through Camel: a {@code dicomfind} producer
 * with SelectList and with StreamList split in streaming mode, the polling consumer for a subset, and the C-ECHO
 * health check for the two C-ECHO behaviours. Each run must end within 3 s (ACSE and DIMSE timeouts 1 s) with the
 * typed exception of {@link CamelExpectation} whose message names the cause and the peer ("HOSTILE@127.0.0.1:port")
 * (ARTIM 0.5 s: a peer that keeps sending after our A-ABORT is cut off then);
 * then the component counts 0 open associations, no socket or thread is left, and the next exchange against the same
 * SCP, now well-behaved, returns its match. Runs in the surefire execution {@code hostile} at -Xmx64m.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamelHostileTest {
    /** Timers (ACSE/DIMSE 1 s) + scheduling slack, as the core suite. */
    static final long BOUND_MILLIS = 3000;

    private HostileScp scp;
    private CamelContext context;
    private ProducerTemplate template;
    private DicomFindComponent component;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final CapturingPollStrategy pollStrategy = new CapturingPollStrategy();
    private final List<String> routed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> polled = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() throws Exception {
        String heap = System.getProperty("dicomfind.hostile.maxHeapMiB");
        if (heap != null) { // the surefire "hostile" execution: prove the small heap is really in force
            long max = Runtime.getRuntime().maxMemory();
            assertTrue(max <= Long.parseLong(heap) * 1024 * 1024, "max heap " + max + " bytes, not " + heap + " MiB");
        }
        scp = HostileScp.start();
        context = new DefaultCamelContext();
        context.getRegistry().bind("manual", scheduler);
        context.getRegistry().bind("capture", pollStrategy);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").toD("${header.hostileUri}")
                        .split(body()).streaming()
                            .process(e -> routed.add(name(e.getMessage().getBody(Attributes.class))))
                        .end();
                from(uri(Client.FIND) + "&scheduler=#manual&pollStrategy=#capture").routeId("poll")
                        .process(e -> polled.add(name(e.getMessage().getBody(Attributes.class))));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        component = context.getComponent("dicomfind", DicomFindComponent.class);
        warmUp();
    }

    @AfterAll
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (scp != null) {
            scp.close();
        }
    }

    /** Loads every class and starts every pool a good and a failed exchange need, before threads are counted. */
    private void warmUp() throws Exception {
        for (Client c : Client.values()) {
            if (c != Client.ECHO) {
                goodSelect(c);
                goodStream(c);
            }
        }
        goodPoll();
        assertEquals(HealthCheck.State.UP, echoCheck().call().getState());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String refused = "dicomfind:HOSTILE@127.0.0.1:" + closedPort + "?acseTimeout=1000";
        assertNotNull(template.send(refused, e -> { }).getException());
        assertNotNull(template.send("direct:stream", e -> e.getMessage().setHeader("hostileUri",
                refused + "&outputType=StreamList")).getException());
        scp.awaitIdle(5000);
    }

    // ------------------------------------------------------------------------------------------ the parameter sets

    static Stream<HostileBehaviour> producerBehaviours() {
        return Arrays.stream(HostileBehaviour.values()).filter(b -> b.client() != Client.ECHO);
    }

    static Stream<HostileBehaviour> echoBehaviours() {
        return Arrays.stream(HostileBehaviour.values()).filter(b -> b.client() == Client.ECHO);
    }

    /** One of each kind of ending, in each phase; the consumer polls with the plain worklist query. */
    static Stream<HostileBehaviour> consumerBehaviours() {
        return Stream.of(HostileBehaviour.GARBAGE_INSTEAD_OF_A_PDU, HostileBehaviour.CONNECTION_CLOSED_INSTEAD_OF_ANSWER,
                HostileBehaviour.NO_ANSWER_AT_ALL, HostileBehaviour.REJECT_WITH_UNKNOWN_RESULT_SOURCE_AND_REASON,
                HostileBehaviour.ACCEPT_WITHOUT_ANY_ACCEPTED_CONTEXT, HostileBehaviour.CONNECTION_RESET_MID_PDU,
                HostileBehaviour.DATA_SET_THAT_NEVER_ENDS, HostileBehaviour.SEQUENCES_NESTED_TEN_THOUSAND_LEVELS,
                HostileBehaviour.STALL_BETWEEN_PENDING_RESPONSES, HostileBehaviour.ABORT_BETWEEN_PENDING_RESPONSES,
                HostileBehaviour.RELEASE_REQUEST_DURING_FIND, HostileBehaviour.NO_RELEASE_RESPONSE,
                HostileBehaviour.UNKNOWN_STATUS_CODE, HostileBehaviour.RESERVED_CONTROL_HEADER_BITS);
    }

    // ------------------------------------------------------------------------------------------ the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerBehaviours")
    void selectList(HostileBehaviour b) throws Exception {
        CamelExpectation expected = CamelExpectation.of(b);
        Outcome o = run(b, () -> template.send(uri(b.client()) + "&outputType=SelectList", e -> { }));
        Exchange ex = o.exchange;
        check(b, expected, ex.getException(), o.millis);
        if (expected.succeeds()) {
            List<String> names = names(ex.getMessage().getBody(List.class));
            assertTrue(expected.names().test(names), () -> b + ": expected matches " + expected.text() + ", got "
                    + names);
            checkWarning(b, expected, ex);
        }
        afterwards(b, this::goodSelect);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producerBehaviours")
    void streamListSplitStreaming(HostileBehaviour b) throws Exception {
        CamelExpectation expected = CamelExpectation.of(b);
        routed.clear();
        Outcome o = run(b, () -> template.send("direct:stream", e -> e.getMessage().setHeader("hostileUri",
                uri(b.client()) + "&outputType=StreamList")));
        check(b, expected, o.exchange.getException(), o.millis);
        if (expected.succeeds()) {
            List<String> names = List.copyOf(routed);
            assertTrue(expected.names().test(names), () -> b + ": expected matches " + expected.text()
                    + " routed, got " + names);
            checkWarning(b, expected, o.exchange);
        }
        afterwards(b, this::goodStream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumerBehaviours")
    void pollingConsumer(HostileBehaviour b) throws Exception {
        CamelExpectation expected = CamelExpectation.of(b);
        polled.clear();
        pollStrategy.reset();
        Outcome o = run(b, () -> {
            scheduler.pollNow();
            return null;
        });
        check(b, expected, pollStrategy.failure, o.millis);
        if (expected.succeeds()) {
            assertTrue(expected.names().test(List.copyOf(polled)), () -> b + ": expected matches " + expected.text()
                    + " routed, got " + polled);
        } else {
            assertEquals(List.of(), polled, "a failed poll routes nothing (its batch is released)");
        }
        afterwards(b, c -> goodPoll());
    }

    /** The C-ECHO behaviours: the producer's readiness check (the only C-ECHO of the component) reports DOWN. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("echoBehaviours")
    void echoHealthCheck(HostileBehaviour b) throws Exception {
        DicomFindEchoHealthCheck check = echoCheck();
        HealthCheck.Result[] result = new HealthCheck.Result[1];
        Outcome o = run(b, () -> {
            result[0] = check.call();
            return null;
        });
        assertEquals(HealthCheck.State.DOWN, result[0].getState(), b.title());
        assertTrue(o.millis < BOUND_MILLIS, b.title() + " took " + o.millis + " ms, more than " + BOUND_MILLIS + " ms");
        // no exception in the report: health endpoints would render its stack trace
        assertTrue(result[0].getError().isEmpty(), b.title() + ": the health report carries " + result[0].getError());
        String message = result[0].getMessage().orElseThrow();
        assertTrue(message.contains(peer()), message);
        for (String f : CamelExpectation.fails(CamelExpectation.reasonOf(b.expected()), b.fragments()).fragments()) {
            assertTrue(message.contains(f), () -> b.title() + ": message lacks '" + f + "': " + message);
        }
        assertEquals(CamelExpectation.reasonOf(b.expected()).name(), result[0].getDetails().get("reason"));
        afterwards(b, c -> assertEquals(HealthCheck.State.UP, echoCheck().call().getState()));
    }

    // ------------------------------------------------------------------------------------------ the frame

    private record Outcome(Exchange exchange, long millis) {
    }

    @FunctionalInterface
    private interface Call {
        Exchange run() throws Exception;
    }

    @FunctionalInterface
    private interface GoodCall {
        void run(Client c) throws Exception;
    }

    private LeakSnapshot before;

    private Outcome run(HostileBehaviour b, Call call) throws Exception {
        b.prepare();
        scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
        before = LeakSnapshot.take();
        scp.next(b.behaviour());
        long t0 = System.nanoTime();
        Exchange ex = call.run();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Outcome(ex, millis);
    }

    /** The typed exception, its message (cause and peer), and the time. */
    private void check(HostileBehaviour b, CamelExpectation expected, Throwable thrown, long millis) {
        assertTrue(millis < BOUND_MILLIS, b.title() + " took " + millis + " ms, more than " + BOUND_MILLIS
                + " ms (ACSE/DIMSE timeouts 1 s); outcome: " + thrown);
        if (expected.succeeds()) {
            if (thrown != null) {
                throw new AssertionError(b.title() + ": expected success, got " + thrown, thrown);
            }
            return;
        }
        if (thrown == null) {
            fail(b.title() + ": expected " + expected.text() + " but the exchange succeeded");
        }
        String msg = thrown.getMessage();
        if (expected.status() >= 0) {
            DicomFindFailedException f = assertInstanceOf(DicomFindFailedException.class, thrown, b.title());
            assertEquals(expected.status(), f.getStatusCode());
        } else {
            if (!(thrown instanceof DicomFindAssociationException a)) {
                throw new AssertionError(b.title() + ": expected DicomFindAssociationException (" + expected.reason()
                        + ") but got " + thrown, thrown);
            }
            assertEquals(expected.reason(), a.getReason(), () -> b.title() + ": " + msg);
            assertEquals(peer(), a.getPeer());
        }
        for (String f : expected.fragments()) {
            assertTrue(msg.contains(f), () -> b.title() + ": message lacks '" + f + "': " + msg);
        }
        assertTrue(msg.contains(peer()), () -> b.title() + ": message does not name the peer " + peer() + ": " + msg);
    }

    private void checkWarning(HostileBehaviour b, CamelExpectation expected, Exchange ex) {
        if (expected.fragments().isEmpty()) {
            return;
        }
        String warnings = String.valueOf(ex.getMessage().getHeader(DicomFindConstants.WARNINGS));
        for (String f : expected.fragments()) {
            assertTrue(warnings.contains(f), () -> b.title() + ": warnings lack '" + f + "': " + warnings);
        }
    }

    /** No association, socket or thread left; the next exchange on a new association works; still no leak. */
    private void afterwards(HostileBehaviour b, GoodCall good) throws Exception {
        scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
        assertEquals(0, component.getActivity().getOpenAssociations(), b.title() + ": associations left open");
        before.assertNoLeak("after " + b.title());
        good.run(Client.FIND);
        scp.awaitIdle(5000);
        assertNull(scp.lastSession().failure, "the good session failed");
        assertEquals(0, component.getActivity().getOpenAssociations(), "associations left open after the good one");
        before.assertNoLeak("after the good exchange following " + b.title());
    }

    private void goodSelect(Client c) {
        Exchange ex = template.send(uri(c) + "&outputType=SelectList", e -> { });
        assertNull(ex.getException(), () -> "good exchange failed: " + ex.getException());
        assertEquals(List.of(HostileScp.GOOD_NAME), names(ex.getMessage().getBody(List.class)));
    }

    private void goodStream(Client c) {
        routed.clear();
        Exchange ex = template.send("direct:stream", e -> e.getMessage().setHeader("hostileUri",
                uri(c) + "&outputType=StreamList"));
        assertNull(ex.getException(), () -> "good exchange failed: " + ex.getException());
        assertEquals(List.of(HostileScp.GOOD_NAME), List.copyOf(routed));
    }

    private void goodPoll() {
        polled.clear();
        pollStrategy.reset();
        scheduler.pollNow();
        assertNull(pollStrategy.failure, () -> "good poll failed: " + pollStrategy.failure);
        assertEquals(List.of(HostileScp.GOOD_NAME), List.copyOf(polled));
    }

    private DicomFindEchoHealthCheck echoCheck() {
        DicomFindEchoHealthCheck check = new DicomFindEchoHealthCheck(
                context.getEndpoint(uri(Client.FIND), DicomFindEndpoint.class), "hostile-echo");
        check.setCamelContext(context);
        return check;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String peer() {
        return "HOSTILE@127.0.0.1:" + scp.port();
    }

    /** The endpoint for a behaviour's client: the core's timers, and the findscu option the behaviour needs. */
    private String uri(Client c) {
        String base = "dicomfind:" + peer() + "?acseTimeout=1000&dimseTimeout=1000&artimTimeout=500&socketTimeout=3000"
                + "&key.PatientName=&key.PatientID=";
        return switch (c) {
            case FIND, FIND_THEN_RELEASE, FIND_TWO_CONTEXTS, ECHO -> base;
            case FIND_DEFLATED -> base + "&proposedTransferSyntaxes=Deflated";
            case FIND_MAX_RESPONSES_50 -> base + "&maxResponses=50";
            case CANCEL_AFTER_FIRST -> base + "&cancelAfter=1";
        };
    }

    private static String name(Attributes a) {
        return a == null ? null : a.getString(Tag.PatientName);
    }

    private static List<String> names(List<?> body) {
        List<String> names = new ArrayList<>();
        if (body != null) {
            for (Object o : body) {
                names.add(name((Attributes) o));
            }
        }
        return names;
    }

    /** Polls when the test says so, on the test's thread: no scheduler thread, no race with the SCP's next(). */
    static final class ManualScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {
        private volatile Runnable task;
        private volatile boolean started;
        private CamelContext camelContext;

        @Override
        public void onInit(Consumer consumer) {
        }

        @Override
        public void scheduleTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void unscheduleTask() {
            task = null;
        }

        @Override
        public void startScheduler() {
            started = true;
        }

        @Override
        public boolean isSchedulerStarted() {
            return started;
        }

        @Override
        public void setCamelContext(CamelContext camelContext) {
            this.camelContext = camelContext;
        }

        @Override
        public CamelContext getCamelContext() {
            return camelContext;
        }

        void pollNow() {
            task.run();
        }
    }

    /** Keeps the exception a poll failed with. */
    static final class CapturingPollStrategy implements PollingConsumerPollStrategy {
        volatile Exception failure;

        void reset() {
            failure = null;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            failure = cause;
            return false;
        }
    }
}
