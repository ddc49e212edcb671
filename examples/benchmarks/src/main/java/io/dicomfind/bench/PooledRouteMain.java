package io.dicomfind.bench;

import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.peers.TcpConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * 1f: a route's single-match C-FIND per exchange ({@code direct:q -> dicomfind:...}, SelectList, the query file as a
 * Part-10 body, as findscu reads it per query) with {@code producerPoolEnabled}, in rounds interleaved with DCMTK
 * findscu ({@code TCP_NODELAY=1}, {@code --repeat}, the same file and SCP), so that both see the same load on a
 * shared machine: per round, EXCHANGES route exchanges, then findscu's marginal per-query cost
 * {@code (T(EXCHANGES) - T(1)) / (EXCHANGES - 1)}. Then a new association per exchange for comparison, then 16
 * concurrent routes x 1,000 exchanges with {@code producerPoolMaxTotal=4}, sampling the SCP's established TCP
 * connections ({@code /proc/net/tcp}, local port = the SCP's) and checking this JVM's threads and sockets after the
 * context stopped. Prints {@code ROUND POOLED_SECONDS FINDSCU_SECONDS}, {@code PER_EXCHANGE new SECONDS},
 * {@code CONCURRENT ERRORS MAX_AT_SCP SECONDS} and {@code LEAKS THREADS SOCKETS AT_SCP}.
 *
 * <p>Usage: {@code PooledRouteMain HOST PORT QUERYFILE EXCHANGES ROUNDS WARMUPS}
 */
public final class PooledRouteMain {
    static final int ROUTES = 16;
    static final int PER_ROUTE = 1000;
    static final int MAX_TOTAL = 4;

    private PooledRouteMain() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String base = "dicomfind:" + BenchData.AE_TITLE + "@" + host + ":" + port + "?model=worklist";
        Path queryFile = Path.of(args[2]);
        byte[] query = Files.readAllBytes(queryFile);
        int exchanges = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        int warmups = Integer.parseInt(args[5]);
        List<String> findscu = List.of("findscu", "-W", "-q", "-aec", BenchData.AE_TITLE, host,
                Integer.toString(port), queryFile.toString());
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:pooled").to(base + "&producerPoolEnabled=true");
                    from("direct:new").to(base);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            perExchange(template, "direct:pooled", query, warmups, 1); // steady state: pool full, code compiled
            for (int r = 0; r < rounds; r++) {
                double pooled = perExchange(template, "direct:pooled", query, 0, exchanges);
                double one = findscuWall(findscu, 1);
                double many = findscuWall(findscu, exchanges);
                System.out.println("ROUND " + pooled + " " + (many - one) / (exchanges - 1));
            }
            System.out.println("PER_EXCHANGE new " + perExchange(template, "direct:new", query, warmups / 10,
                    exchanges));
        }
        concurrent(base, port, query);
    }

    /** findscu with TCP_NODELAY=1 (PEERS.md: as shipped it waits for Nagle), {@code --repeat n}; wall seconds. */
    private static double findscuWall(List<String> command, int repeat) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        if (repeat > 1) {
            cmd.add(cmd.size() - 3, "--repeat");
            cmd.add(cmd.size() - 3, Integer.toString(repeat));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Benchmarks.findscuEnv(true));
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("findscu exited with " + rc + ": " + cmd);
        }
        return seconds;
    }

    private static double perExchange(ProducerTemplate template, String route, byte[] query, int warmups, int n)
            throws Exception {
        for (int i = 0; i < warmups; i++) {
            expectOne(template.request(route, e -> e.getMessage().setBody(query)));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            expectOne(template.request(route, e -> e.getMessage().setBody(query)));
        }
        return (System.nanoTime() - t0) / 1e9 / n;
    }

    private static void expectOne(Exchange e) throws Exception {
        if (e.getException() != null) {
            throw e.getException();
        }
        if (e.getMessage().getBody(List.class).size() != 1) {
            throw new IllegalStateException("expected one match, got " + e.getMessage().getBody());
        }
    }

    private static void concurrent(String base, int port, byte[] query) throws Exception {
        Set<String> threadsBefore = liveThreads();
        int socketsBefore = ourTcpSockets();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong maxAtScp = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                maxAtScp.accumulateAndGet(establishedAt(port), Math::max);
                try {
                    Thread.sleep(1); // a spinning sampler would take a core from the routes on a 2-core machine
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        double seconds;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int r = 0; r < ROUTES; r++) {
                        from("direct:route" + r).to(base + "&producerPoolEnabled=true&producerPoolMaxTotal="
                                + MAX_TOTAL);
                    }
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            sampler.start();
            ExecutorService threads = Executors.newFixedThreadPool(ROUTES);
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < ROUTES; r++) {
                String route = "direct:route" + r;
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < PER_ROUTE; i++) {
                        Exchange e = template.request(route, x -> x.getMessage().setBody(query));
                        if (e.getException() != null || e.getMessage().getBody(List.class).size() != 1) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            sampling.set(false);
            sampler.join();
            int pooled = context.getComponent("dicomfind", DicomFindComponent.class).getPooledAssociations();
            System.out.println("POOLED_AT_END " + pooled);
        }
        System.out.println("CONCURRENT " + errors.get() + " " + maxAtScp.get() + " " + seconds);
        long deadline = System.nanoTime() + 5_000_000_000L;
        Set<String> leaked;
        int sockets;
        do {
            Thread.sleep(50);
            leaked = liveThreads();
            leaked.removeAll(threadsBefore);
            sockets = ourTcpSockets() - socketsBefore;
        } while ((!leaked.isEmpty() || sockets > 0 || establishedAt(port) > 0) && System.nanoTime() < deadline);
        System.out.println("LEAKS " + leaked.size() + " " + Math.max(0, sockets) + " " + establishedAt(port)
                + " " + leaked);
    }

    private static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
    }

    private static int establishedAt(int port) {
        return TcpConnections.establishedAt(port);
    }

    private static int ourTcpSockets() {
        return TcpConnections.ofThisProcess();
    }
}
