package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The socket count the leak checks rely on sees a TCP connection while it is open, and not after. */
class NetworkLeakCheckTest {
    @Test
    void countsOpenTcpSockets() throws Exception {
        int before = NetworkLeakCheck.openSockets();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            assertEquals(before + 3, NetworkLeakCheck.openSockets());
        }
        assertEquals(before, NetworkLeakCheck.openSockets());
    }
}
