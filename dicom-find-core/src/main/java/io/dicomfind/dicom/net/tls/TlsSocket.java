package io.dicomfind.dicom.net.tls;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client socket that runs the TLS handshake as part of {@link #connect}, within a handshake timeout, so that a
 * failed handshake is reported where the connection is made, as a {@link TlsHandshakeException} in words. Fatal
 * alerts that arrive after the handshake (TLS 1.3 servers reject a client certificate only then, RFC 8446 4.4.2.4)
 * are mapped the same way on reads and writes. Everything else is the wrapped {@link SSLSocket}'s.
 */
final class TlsSocket extends Socket {
    private static final Logger LOG = LoggerFactory.getLogger(TlsSocket.class);

    private final SSLSocket ssl;
    private final SSLParameters parameters;
    private final OwnKeyManager keys;
    private final Duration handshakeTimeout;
    private final String offer;
    private final Consumer<SSLSession> onHandshake;
    private String peer = "(not connected)";
    /** The session once our side of the handshake completed (TLS 1.3: before the server checked our certificate). */
    private SSLSession established;
    /** Whether the peer has sent application data: after that, it accepted us. */
    private volatile boolean answered;
    private InputStream in;
    private OutputStream out;

    TlsSocket(SSLSocket ssl, SSLParameters parameters, OwnKeyManager keys, Duration handshakeTimeout, String offer,
            Consumer<SSLSession> onHandshake) {
        this.ssl = ssl;
        this.parameters = parameters;
        this.keys = keys;
        this.handshakeTimeout = handshakeTimeout;
        this.offer = offer;
        this.onHandshake = onHandshake;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        ssl.connect(endpoint, timeout);
        if (endpoint instanceof InetSocketAddress isa) {
            peer = isa.getHostString() + ":" + isa.getPort();
        }
        if (parameters != null) {
            // after connect: JSSE adds the host name as SNI on connect; our parameters decide (--no-sni)
            ssl.setSSLParameters(parameters);
        }
        int previous = ssl.getSoTimeout();
        ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, handshakeTimeout.toMillis())));
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            throw failure(e);
        }
        ssl.setSoTimeout(previous);
        SSLSession s = ssl.getSession();
        established = s;
        if (LOG.isDebugEnabled()) {
            String peerCert;
            try {
                peerCert = ((java.security.cert.X509Certificate) s.getPeerCertificates()[0])
                        .getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                peerCert = "none";
            }
            LOG.debug("TLS session with {}: {} {}, peer certificate '{}', our certificate {}", peer, s.getProtocol(),
                    s.getCipherSuite(), peerCert, s.getLocalCertificates() == null ? "none sent" : "sent");
        }
        if (onHandshake != null) {
            onHandshake.accept(s);
        }
    }

    private TlsHandshakeException failure(IOException e) {
        TlsHandshakeException t = HandshakeFailures.map(e, peer, offer,
                keys != null ? keys.certificateRequestedButNotSent(ssl) : sentNoCertificate());
        if (t.reason() == TlsHandshakeException.Reason.NOT_TLS && sentNoCertificate()) {
            return new TlsHandshakeException(TlsHandshakeException.Reason.CLIENT_CERTIFICATE_REQUIRED, "TLS "
                    + "handshake with " + peer + " failed: the peer closed the connection (" + e.getMessage() + ") "
                    + "right after a TLS 1.3 handshake in which we sent no certificate: it requires a client "
                    + "certificate", e);
        }
        if (t.reason() == TlsHandshakeException.Reason.NOT_TLS && keys != null && keys.certificateRequested(ssl)) {
            // the server asked for our certificate, then hung up without an alert we could read (it closed with
            // our data unread, so the alert was lost to a reset): that is how a server refuses a client certificate
            boolean sent = !keys.certificateRequestedButNotSent(ssl);
            return new TlsHandshakeException(sent ? TlsHandshakeException.Reason.OWN_CERTIFICATE_REJECTED
                    : TlsHandshakeException.Reason.CLIENT_CERTIFICATE_REQUIRED, "TLS handshake with " + peer
                    + " failed: the peer asked for our certificate and then closed the connection ("
                    + e.getMessage() + "): it " + (sent ? "refused our certificate (untrusted issuer, expired or "
                    + "revoked?)" : "requires a client certificate and we sent none (+tla); use +tls key cert"), e);
        }
        return t;
    }

    /**
     * For a context configured elsewhere ({@link DicomTls#of}; its key managers are not ours to watch): whether the
     * handshake completed on our side without a certificate of ours. A TLS 1.3 server that then complains about a
     * certificate (RFC 8446 4.4.2.4) can only mean that it requires one.
     */
    private boolean sentNoCertificate() {
        return keys == null && !answered && established != null && "TLSv1.3".equals(established.getProtocol())
                && established.getLocalCertificates() == null;
    }

    /** The TLS session (after connect). */
    SSLSession session() {
        return ssl.getSession();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(ssl.getInputStream()) {
                @Override
                public int read() throws IOException {
                    try {
                        int r = super.read();
                        answered |= r >= 0;
                        return r;
                    } catch (IOException e) {
                        throw readFailure(e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        int n = super.read(b, off, len);
                        answered |= n > 0;
                        return n;
                    } catch (IOException e) {
                        throw readFailure(e);
                    }
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new FilterOutputStream(ssl.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    try {
                        super.out.write(b);
                    } catch (IOException e) {
                        throw writeFailure(e);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        super.out.write(b, off, len);
                    } catch (IOException e) {
                        throw writeFailure(e);
                    }
                }

                @Override
                public void flush() throws IOException {
                    try {
                        super.out.flush();
                    } catch (IOException e) {
                        throw writeFailure(e);
                    }
                }
            };
        }
        return out;
    }

    private IOException mapped(IOException e) {
        return HandshakeFailures.isTlsFailure(e) ? failure(e) : e;
    }

    /** A reset before the first answer, after a handshake without our certificate, is a late refusal too. */
    private IOException readFailure(IOException e) {
        return sentNoCertificate() && !(e instanceof TlsHandshakeException) ? failure(e) : mapped(e);
    }

    /**
     * A TLS 1.3 server checks the client's certificate only after the client has finished its handshake (RFC 8446
     * 4.4.2.4), so a rejection shows up as a fatal alert, or just a closed connection, when we first write. Read the
     * alert if it is still there; otherwise say what such a close almost always means.
     */
    private IOException writeFailure(IOException e) {
        boolean lateRefusal = keys != null ? keys.certificateRequested(ssl) : sentNoCertificate();
        if (e instanceof TlsHandshakeException || !lateRefusal) {
            return mapped(e);
        }
        try {
            ssl.setSoTimeout(500);
            ssl.getInputStream().read();
        } catch (javax.net.ssl.SSLException alert) {
            if (String.valueOf(alert.getMessage()).contains("fatal alert")) {
                return failure(alert);
            }
        } catch (IOException ignored) {
            // nothing more to learn
        }
        return failure(e);
    }

    // ------------------------------------------------------------------ plain delegation

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        ssl.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return ssl.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return ssl.getLocalAddress();
    }

    @Override
    public int getPort() {
        return ssl.getPort();
    }

    @Override
    public int getLocalPort() {
        return ssl.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return ssl.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return ssl.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        ssl.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return ssl.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        ssl.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return ssl.getSoLinger();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        ssl.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return ssl.getSoTimeout();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        ssl.setSendBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return ssl.getSendBufferSize();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        ssl.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return ssl.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        ssl.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return ssl.getKeepAlive();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        ssl.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return ssl.getReuseAddress();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            ssl.close();
        } finally {
            super.close();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        ssl.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        ssl.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return ssl.isConnected();
    }

    @Override
    public boolean isBound() {
        return ssl.isBound();
    }

    @Override
    public boolean isClosed() {
        return ssl.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return ssl.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return ssl.isOutputShutdown();
    }

    @Override
    public String toString() {
        return "TLS " + ssl;
    }
}
