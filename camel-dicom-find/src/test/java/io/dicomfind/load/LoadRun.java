package io.dicomfind.load;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.FindResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.net.SocketFactory;

/**
 * Many concurrent clients of the core {@link Association} API, each running its queries on a few associations in
 * turn, checking every result set against what the data says it must be. Records every failure with the local port
 * of the association it happened on (to match against a proxy's aborts).
 */
final class LoadRun {
    /** One query and its expected answer. */
    record Check(String sopClass, Attributes keys, Set<String> expected, int tag) {
    }

    /**
     * A failed query or association: client, query number (-1: the release failed), the association's local port,
     * the exception.
     */
    record Failure(int client, int query, int localPort, Exception error) {
    }

    final List<Failure> failures = new ArrayList<>();
    final AtomicInteger queriesOk = new AtomicInteger();
    final AtomicInteger wrongResults = new AtomicInteger();
    final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    final AtomicInteger associations = new AtomicInteger();

    /**
     * Runs {@code clients} threads, all started at once; each runs {@code queries} checks, opening a new association
     * every {@code perAssociation} queries (and after a failure).
     */
    void run(AssociationConfig config, int clients, int queries, int perAssociation,
            BiFunction<Integer, Integer, Check> checks, long timeoutSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Failure> failed = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                start.await();
                runClient(config, client, queries, perAssociation, checks, failed);
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(timeoutSeconds, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("load run did not finish within " + timeoutSeconds + " s (a hang)");
        }
        for (Future<?> f : futures) {
            f.get(); // an unexpected exception in the client code itself
        }
        failures.addAll(failed);
    }

    private void runClient(AssociationConfig base, int client, int queries, int perAssociation,
            BiFunction<Integer, Integer, Check> checks, ConcurrentLinkedQueue<Failure> failed) {
        RecordingSocketFactory sockets = new RecordingSocketFactory();
        AssociationConfig config = base.toBuilder().socketFactory(sockets).build();
        int q = 0;
        while (q < queries) {
            Association as;
            try {
                as = Association.open(config);
                associations.incrementAndGet();
            } catch (IOException e) {
                failed.add(new Failure(client, q, sockets.lastLocalPort(), e));
                q++; // counts as the query that could not run
                continue;
            }
            int port = sockets.lastLocalPort();
            boolean releasing = false;
            try {
                int end = Math.min(queries, q + perAssociation);
                for (; q < end; q++) {
                    Check check = checks.apply(client, q);
                    List<String> got = new ArrayList<>();
                    FindResponse last = as.find(check.sopClass(), check.keys(), r -> {
                        if (r.isPending()) {
                            got.add(r.identifier().getString(check.tag()));
                        }
                        return true;
                    });
                    if (last == null || !last.status().isSuccess() || got.size() != check.expected().size()
                            || !Set.copyOf(got).equals(check.expected())) {
                        wrongResults.incrementAndGet();
                        wrong.add("client " + client + " query " + q + ": expected " + check.expected() + ", got "
                                + got + " final " + last);
                    } else {
                        queriesOk.incrementAndGet();
                    }
                }
                releasing = true;
                as.close();
            } catch (IOException e) {
                // query -1: the association failed at its release, after all its queries had run
                failed.add(new Failure(client, releasing ? -1 : q, port, e));
                as.abort(); // closes the socket whatever state it is in
                if (!releasing) {
                    q++; // the query that failed
                }
            }
        }
    }

    /** Open file descriptors of this JVM (sockets included): a leak check. */
    static long openFileDescriptors() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    /** Remembers the last socket created, to learn the local port of each association. */
    private static final class RecordingSocketFactory extends SocketFactory {
        private Socket last;

        @Override
        public Socket createSocket() {
            last = new Socket();
            return last;
        }

        int lastLocalPort() {
            return last == null ? -1 : last.getLocalPort();
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException();
        }
    }
}
