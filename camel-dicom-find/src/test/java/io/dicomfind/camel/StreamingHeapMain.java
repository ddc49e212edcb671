package io.dicomfind.camel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a child JVM with a small fixed heap by {@link DicomFindStreamingTest}: one exchange through
 * {@code dicomfind:...?outputType=StreamList} and {@code split(body()).streaming()}, counting the matches routed and
 * sampling the heap in use after GC (the "collection usage" of every heap pool) every 10,000 matches. Prints
 * {@code routed=<n> maxUsedAfterGc=<bytes> status=<code>} and exits 0.
 */
public final class StreamingHeapMain {
    private StreamingHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        AtomicLong routed = new AtomicLong();
        AtomicLong maxAfterGc = new AtomicLong();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:q").to(uri + "&outputType=StreamList")
                            .split(body()).streaming()
                                .process(e -> {
                                    if (routed.incrementAndGet() % 10_000 == 0) {
                                        System.gc();
                                        maxAfterGc.accumulateAndGet(usedAfterGc(), Math::max);
                                    }
                                })
                            .end();
                }
            });
            context.start();
            Object status = context.createProducerTemplate().request("direct:q", e -> { }).getMessage()
                    .getHeader(DicomFindConstants.STATUS);
            System.gc();
            maxAfterGc.accumulateAndGet(usedAfterGc(), Math::max);
            int open = context.getComponent("dicomfind", DicomFindComponent.class).getActivity().getOpenAssociations();
            System.out.println("routed=" + routed.get() + " maxUsedAfterGc=" + maxAfterGc.get() + " status=" + status
                    + " openAssociations=" + open + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }

    private static long usedAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
