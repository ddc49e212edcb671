package io.dicomfind.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an SCP that plays a flaky peer: a chosen fraction of the connections ("doomed") receive an
 * A-ABORT (PS3.8 9.3.8, source 2 service-provider) in place of the k-th PDU from the SCP (k drawn from 2..maxPdus:
 * after the A-ASSOCIATE-AC, anywhere among the responses or at the A-RELEASE-RP), and both sides are closed. Every
 * abort is recorded (by the client's local port) BEFORE it is sent, so a test can check that client errors happen
 * only where the proxy aborted. A doomed connection that ends before its k-th PDU is not aborted and not recorded.
 */
final class AbortingProxy implements AutoCloseable {
    private static final byte[] A_ABORT = {0x07, 0, 0, 0, 0, 4, 0, 0, 2, 0};

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final double abortFraction;
    private final int maxPdus;
    private final Random random;
    private final Thread acceptor;
    private final Set<Integer> abortedClientPorts = ConcurrentHashMap.newKeySet();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closing;

    AbortingProxy(InetSocketAddress target, double abortFraction, int maxPdus, long seed) throws IOException {
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.target = target;
        this.abortFraction = abortFraction;
        this.maxPdus = maxPdus;
        this.random = new Random(seed);
        this.acceptor = new Thread(this::acceptLoop, "aborting-proxy-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The local ports of the client connections this proxy aborted. */
    Set<Integer> abortedClientPorts() {
        return Set.copyOf(abortedClientPorts);
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            int abortAt;
            synchronized (random) {
                abortAt = random.nextDouble() < abortFraction ? 2 + random.nextInt(maxPdus - 1) : -1;
            }
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(target);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            start("c2s", () -> copyRaw(client, upstream));
            start("s2c", () -> copyPdus(upstream, client, abortAt));
        }
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, "aborting-proxy-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Requestor to SCP: bytes as they come. */
    private void copyRaw(Socket from, Socket to) {
        byte[] buf = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // the other direction closed the sockets, or a peer went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** SCP to requestor, PDU by PDU, replacing PDU number {@code abortAt} (1-based) by an A-ABORT. */
    private void copyPdus(Socket from, Socket to, int abortAt) {
        try {
            DataInputStream in = new DataInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            byte[] header = new byte[6];
            int count = 0;
            while (true) {
                try {
                    in.readFully(header);
                } catch (IOException e) {
                    return; // the SCP closed (after A-RELEASE-RP) or the requestor aborted
                }
                count++;
                if (count == abortAt) {
                    abortedClientPorts.add(to.getPort());
                    out.write(A_ABORT);
                    out.flush();
                    return;
                }
                int length = ((header[2] & 0xFF) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                        | (header[5] & 0xFF);
                byte[] body = new byte[length];
                in.readFully(body);
                out.write(header);
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // a side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(AbortingProxy::closeQuietly);
        acceptor.join(5000);
        for (Thread t : threads) {
            t.join(5000);
        }
    }
}
