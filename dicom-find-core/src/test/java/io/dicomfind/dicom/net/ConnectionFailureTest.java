package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.peers.Peers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {
    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int port = Peers.freePort();
        DicomNetworkException e = assertThrows(DicomNetworkException.class,
                () -> Association.open(AssociationConfig.builder("127.0.0.1", port).build()));
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port + " (called AE 'ANY-SCP')")
                && e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void silentScpRunsIntoTheAcseTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception ignored) {
                    // test ended
                }
            });
            t.setDaemon(true);
            t.start();
            long t0 = System.nanoTime();
            AcseTimeoutException e = assertThrows(AcseTimeoutException.class, () -> Association.open(
                    AssociationConfig.builder("127.0.0.1", server.getLocalPort()).calledAeTitle("QUIET")
                            .acseTimeout(Duration.ofMillis(700)).build()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 650 && ms < 2500, ms + " ms");
            assertTrue(e.getMessage().contains("127.0.0.1:" + server.getLocalPort() + " (called AE 'QUIET')")
                    && e.getMessage().contains("A-ASSOCIATE-AC")
                    && e.getMessage().contains("ACSE timeout of 700 ms"), e.getMessage());
            t.interrupt();
        }
    }

    @Test
    void scpClosingAtOnceIsReported() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[10]);
                } catch (Exception ignored) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            DicomNetworkException e = assertThrows(DicomNetworkException.class, () -> Association.open(
                    AssociationConfig.builder("127.0.0.1", server.getLocalPort()).build()));
            assertTrue(e.getMessage().contains("connection closed by peer"), e.getMessage());
        }
    }

    @Test
    void configurationErrorsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AssociationConfig.builder("h", 104).calledAeTitle("THIS-IS-TOO-LONG-X").build());
        assertTrue(e.getMessage().contains("called AE title 'THIS-IS-TOO-LONG-X'"));
        assertThrows(IllegalArgumentException.class, () -> AssociationConfig.builder("h", 0));
        assertThrows(IllegalArgumentException.class, () -> AssociationConfig.builder("h", 104).maxPduLength(4));
        assertThrows(IllegalArgumentException.class, () -> AssociationConfig.builder("h", 104).deflateLevel(10));
        assertThrows(IllegalArgumentException.class,
                () -> AssociationConfig.builder("h", 104).callingAeTitle("   ").build());
    }
}
