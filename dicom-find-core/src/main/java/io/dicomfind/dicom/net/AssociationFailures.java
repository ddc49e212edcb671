package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.TimedInputStream.DeadlineExpiredException;
import io.dicomfind.dicom.net.TimedInputStream.Timer;
import io.dicomfind.dicom.net.pdu.AAbort;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What a failure means to the user: the words of the exception (naming the peer, what we waited for and the timer
 * that fired) and whether the association must be aborted for it. No I/O here; {@link UpperLayerConnection} acts.
 */
final class AssociationFailures {
    private AssociationFailures() {
    }

    /** The exception to throw, and the A-ABORT to send first (null: just close the transport). */
    record Failure(DicomNetworkException exception, AAbort abort) {
    }

    /** A failure to set up the transport connection (PS3.8 9.1.1), before any PDU. */
    static IOException connectFailure(AssociationConfig config, Exception e) {
        if (e instanceof DicomNetworkException dne) {
            return dne; // already in words, e.g. a TLS handshake failure from a TLS socket factory's connect
        }
        String where = "cannot connect to " + config.peerDescription();
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new DicomNetworkException(where + ": " + e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new DicomNetworkException(where + ": unknown host '" + config.host() + "'", e);
        }
        if (e instanceof IllegalArgumentException) {
            // e.g. a TLS socket refusing a protocol or cipher suite name: the JDK's message names it.
            return new DicomNetworkException(where + ": " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new DicomNetworkException(where + ": no connection within the connect timeout of "
                    + seconds(config.connectTimeout()), e);
        }
        return new DicomNetworkException(where + ": " + e, e);
    }

    /**
     * A failure on an established transport, {@code where} naming the peer and what we waited for. A protocol
     * error aborts with the source and reason it carries (PS3.8 9.3.8); a DIMSE or socket timeout aborts as
     * service-user, since we give up; an ACSE timeout and any other failure only close the transport.
     */
    static Failure of(IOException e, String where, AssociationConfig config) {
        if (e instanceof DicomProtocolException pe) {
            return new Failure(pe.withContext(where), new AAbort(pe.abortSource(), pe.abortReason()));
        }
        if (e instanceof DeadlineExpiredException de) {
            if (de.timer == Timer.DIMSE) {
                return new Failure(new DimseTimeoutException(where + ": no response within the DIMSE timeout"
                        + (config.dimseTimeout() != null ? " of " + seconds(config.dimseTimeout()) : "")
                        + "; association aborted"), userAbort());
            }
            return new Failure(new AcseTimeoutException(where + ": no answer within the ACSE timeout of "
                    + seconds(config.acseTimeout())), null);
        }
        if (e instanceof SocketTimeoutException) {
            return new Failure(new DicomNetworkException(where + ": nothing received for "
                    + seconds(config.socketTimeout()) + " (socket timeout)", e), userAbort());
        }
        if (e instanceof DicomNetworkException dne) {
            return new Failure(dne, null);
        }
        if (e instanceof EOFException) {
            return new Failure(new DicomNetworkException(where + ": " + e.getMessage(), e), null);
        }
        return new Failure(new DicomNetworkException(where + ": " + e, e), null);
    }

    /** A-ABORT as service-user, reason 0 (PS3.8 9.3.8: the reason is only significant for the provider). */
    static AAbort userAbort() {
        return new AAbort(AAbort.SOURCE_SERVICE_USER, 0);
    }

    /** A duration as users write it: whole seconds where it is whole, milliseconds otherwise. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
