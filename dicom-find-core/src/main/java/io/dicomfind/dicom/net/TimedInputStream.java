package io.dicomfind.dicom.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The socket's input with two clocks: the socket timeout ({@code -ts}, the longest silence within any read) and
 * an operation deadline (ACSE, DIMSE or ARTIM timer, PS3.8 9.1.4) covering a whole PDU or message. Before every
 * read of the socket the SO_TIMEOUT is set to the smaller of the two, so neither can be exceeded by more than one
 * read's slack.
 */
final class TimedInputStream extends FilterInputStream {
    /** Which timer fired (so that the association can name it). */
    enum Timer { ACSE, DIMSE, ARTIM }

    /** The operation deadline passed (as opposed to the socket timeout). */
    static final class DeadlineExpiredException extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;
        final transient Timer timer;

        DeadlineExpiredException(Timer timer) {
            super(timer + " timer expired");
            this.timer = timer;
        }
    }

    private final Socket socket;
    private final int socketTimeoutMillis;
    private int appliedTimeout = -1;
    private boolean hasDeadline;
    private long deadlineNanos;
    private Timer timer;

    TimedInputStream(Socket socket, InputStream in, Duration socketTimeout) {
        super(in);
        this.socket = socket;
        this.socketTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, socketTimeout.toMillis());
    }

    /** Starts {@code timer} with {@code timeout}; null means no deadline (only the socket timeout applies). */
    void deadline(Duration timeout, Timer timer) {
        this.timer = timer;
        this.hasDeadline = timeout != null;
        if (timeout != null) {
            this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        }
    }

    private void apply() throws IOException {
        int t = socketTimeoutMillis;
        if (hasDeadline) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new DeadlineExpiredException(timer);
            }
            int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000));
            t = t == 0 ? ms : Math.min(t, ms);
        }
        if (t != appliedTimeout) {
            socket.setSoTimeout(t);
            appliedTimeout = t;
        }
    }

    private SocketTimeoutException translate(SocketTimeoutException e) {
        if (hasDeadline && deadlineNanos - System.nanoTime() <= 0) {
            return new DeadlineExpiredException(timer);
        }
        return e;
    }

    @Override
    public int read() throws IOException {
        apply();
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        apply();
        try {
            return super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw translate(e);
        }
    }
}
