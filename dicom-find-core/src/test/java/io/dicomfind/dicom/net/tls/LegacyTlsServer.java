package io.dicomfind.dicom.net.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server limited to TLS 1.0 and 1.1, run in its own JVM by {@link LegacyProtocolTest}: that JVM's security
 * properties re-enable the two versions (this JVM's, and every other test's, keep them disabled). Prints
 * {@code LISTENING port}, then one line per connection: {@code HANDSHAKE protocol} or {@code FAILED message}.
 */
public final class LegacyTlsServer {
    private LegacyTlsServer() {
    }

    public static void main(String[] args) throws Exception {
        Path pki = Path.of(args[0]);
        DicomTls tls = DicomTls.create(TlsOptions.builder().keyAndCertificate(pki.resolve("server.key"),
                pki.resolve("server.crt")).peerAuthentication(PeerAuthentication.IGNORE).build());
        try (SSLServerSocket server = (SSLServerSocket) tls.sslContext().getServerSocketFactory()
                .createServerSocket()) {
            server.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1"});
            server.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"});
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            System.out.println("LISTENING " + server.getLocalPort());
            System.out.flush();
            while (true) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    System.out.println("HANDSHAKE " + s.getSession().getProtocol());
                } catch (IOException e) {
                    System.out.println("FAILED " + e.getMessage());
                }
                System.out.flush();
            }
        }
    }
}
