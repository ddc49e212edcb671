package io.dicomfind.load;

import static io.dicomfind.load.EmbeddedScpLoadTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent producer routes × 100 queries each through the dicomfind component against the embedded SCP: every
 * result right, no failed exchange, and afterwards no association open in the component or the SCP and no socket
 * left.
 */
class RouteLoadTest {
    static final int ROUTES = 50;
    static final int QUERIES = 100;

    @Test
    void fiftyProducerRoutesHundredQueriesEach() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedScpLoadTest.scp(); CamelContext context = new DefaultCamelContext()) {
            String uri = "dicomfind:LOADSCP@127.0.0.1:" + scp.port() + "?model=worklist&outputType=SelectList"
                    + "&callingAet=LOAD&key.PatientID=${header.pid}&key.AccessionNumber=";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int r = 0; r < ROUTES; r++) {
                        from("direct:route" + r).routeId("route" + r).to(uri);
                    }
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            template.request("direct:route0", e -> e.getMessage().setHeader("pid", "P0")); // warm-up
            await(() -> scp.counters().openAssociations() == 0, "warm-up association ended");
            long fds = LoadRun.openFileDescriptors();
            long before = scp.counters().totalAssociations();

            ExecutorService pool = Executors.newFixedThreadPool(ROUTES);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < ROUTES; r++) {
                int route = r;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int q = 0; q < QUERIES; q++) {
                        int k = (route * 7 + q) % EmbeddedScpLoadTest.ITEMS;
                        Exchange ex = template.request("direct:route" + route,
                                e -> e.getMessage().setHeader("pid", "P" + k));
                        List<?> body = ex.getMessage().getBody(List.class);
                        if (ex.getException() != null) {
                            problems.add("route " + route + " query " + q + ": " + ex.getException());
                        } else if (body == null || body.size() != 1
                                || !("A" + k).equals(((Attributes) body.get(0)).getString(Tag.AccessionNumber))) {
                            problems.add("route " + route + " query " + q + ": expected [A" + k + "], got " + body);
                        } else {
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(50, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new AssertionError("routes did not finish within 50 s (a hang)");
            }
            for (Future<?> f : futures) {
                f.get();
            }
            assertEquals(List.of(), List.copyOf(problems));
            assertEquals(ROUTES * QUERIES, ok.get());
            assertEquals(0, context.getComponent("dicomfind", DicomFindComponent.class).getActivity()
                    .getOpenAssociations(), "no association open in the component");
            await(() -> scp.counters().openAssociations() == 0, "every association ended on the SCP");
            long associations = scp.counters().totalAssociations() - before;
            assertEquals(scp.counters().totalAssociations(), scp.counters().releasedAssociations(),
                    "all released, none aborted (" + associations + " associations)");
            await(() -> LoadRun.openFileDescriptors() <= fds, "no socket left open (fds back to " + fds + ")");
        }
    }
}
