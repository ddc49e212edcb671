package io.dicomfind.bench;

import io.dicomfind.camel.DicomFindComponent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * 1b/1c: the dicomfind component in a route: {@code direct:q -> dicomfind:...?outputType=StreamList ->
 * split(body()).streaming() -> a no-op processor}, the query sent as a Part-10 body. Runs {@code runs} C-FINDs in
 * this JVM (the first {@code warmups} not counted) and prints {@code RUN seconds routed} for each, then
 * {@code HEAP peakBytes maxAfterGcBytes openAssociations}.
 *
 * <p>Usage: {@code RouteBenchmark HOST PORT QUERYFILE EXPECTED WARMUPS RUNS}
 */
public final class RouteBenchmark {
    private RouteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String uri = "dicomfind:" + BenchData.AE_TITLE + "@" + args[0] + ":" + args[1]
                + "?model=worklist&outputType=StreamList";
        byte[] query = Files.readAllBytes(Path.of(args[2]));
        long expected = Long.parseLong(args[3]);
        int warmups = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        AtomicLong routed = new AtomicLong();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:q").to(uri)
                            .split(body()).streaming()
                                .process(e -> routed.incrementAndGet())
                            .end();
                }
            });
            context.start();
            var template = context.createProducerTemplate();
            for (int i = 0; i < warmups + runs; i++) {
                routed.set(0);
                long t0 = System.nanoTime();
                var exchange = template.request("direct:q", e -> e.getMessage().setBody(query));
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
                if (routed.get() != expected) {
                    throw new IllegalStateException("routed " + routed.get() + " of " + expected);
                }
                if (i >= warmups) {
                    System.out.println("RUN " + seconds + " " + routed.get());
                }
            }
            int open = context.getComponent("dicomfind", DicomFindComponent.class).getActivity()
                    .getOpenAssociations();
            long peak = 0;
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                    if (pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
            }
            System.out.println("HEAP " + peak + " " + afterGc + " " + open);
        }
    }
}
