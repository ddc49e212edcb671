package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.dimse.CommandField;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running C-FIND (PS3.7 9.1.2): its responses are read from the socket lazily, one per call, as they arrive; none
 * are collected. The last response delivered is the final one (any status but Pending, PS3.4 C.4.1.2).
 *
 * <p>Use {@link #nextResponse()} (returns null at the end, throws {@link IOException}) or the {@link Iterator}
 * view, whose methods wrap an {@code IOException} in {@link UncheckedIOException} (the cause is the
 * {@link DicomNetworkException}). {@link #cancel()} sends a C-CANCEL-FIND-RQ; reading then continues as before: the
 * Pendings already in flight and the final response (FE00 Cancel, or 0000 if the SCP had finished) still arrive.
 * {@link #close()} on an unfinished query cancels it and reads it to its end.
 *
 * <p>Timers: the DIMSE timeout restarts for every response. After a cancel, the final status must arrive within
 * one DIMSE timeout (the ACSE timeout if the DIMSE timeout is unlimited) of the cancel, however many Pendings still
 * come, so an SCP that ignores the cancel is aborted. {@link AssociationConfig#maxResponses()} optionally bounds
 * the number of Pendings (the DIMSE timeout alone cannot end an endless stream of them).
 *
 * <p>Tolerances (documented choices): a Pending response whose Data Set Type says "none" takes data fragments that
 * directly follow it as its Identifier (as DCMTK assumes); if a command follows instead, it is delivered with a
 * null identifier and a warning. A final response carrying a data set (Orthanc after a cancel) has it read and
 * ignored. A missing or garbled status, a wrong command field, message ID or presentation context, or an
 * undecodable identifier is a protocol error: the association is aborted.
 */
public final class FindQuery implements Iterator<FindResponse>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FindQuery.class);

    private final Association association;
    private final int contextId;
    private final TransferSyntax transferSyntax;
    private final String sopClassUid;
    private final int messageId;
    private FindResponse buffered;
    private FindResponse finalResponse;
    private boolean finished;
    private boolean cancelSent;
    private long cancelDeadlineNanos;
    private boolean warnedMissingIdentifier;
    private int received;
    private int pendingCount;

    FindQuery(Association association, int contextId, TransferSyntax transferSyntax, String sopClassUid,
            int messageId) {
        this.association = association;
        this.contextId = contextId;
        this.transferSyntax = transferSyntax;
        this.sopClassUid = sopClassUid;
        this.messageId = messageId;
    }

    /** The next response (Pending ones, then the final one), or null after the final one. */
    public FindResponse nextResponse() throws IOException {
        if (buffered != null) {
            FindResponse r = buffered;
            buffered = null;
            return r;
        }
        return finished ? null : receive();
    }

    @Override
    public boolean hasNext() {
        if (buffered != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            buffered = receive();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public FindResponse next() {
        if (!hasNext()) {
            throw new NoSuchElementException("C-FIND message ID " + messageId + " has ended");
        }
        FindResponse r = buffered;
        buffered = null;
        return r;
    }

    /**
     * Sends C-CANCEL-FIND-RQ (PS3.7 9.3.2.3) once; does nothing if the query has ended. Keep reading to get the
     * final status, or {@link #close()}.
     */
    public void cancel() throws IOException {
        if (finished || cancelSent) {
            return;
        }
        association.dimse().send(contextId, CommandSet.cCancelRq(messageId), null, "C-CANCEL-RQ");
        cancelSent = true;
        // the final status is due within one timeout of the cancel, NOT restarted by Pendings still arriving: an SCP
        // ignoring the cancel while streaming Pendings would otherwise never be aborted (PS3.4 C.4.1.2)
        cancelDeadlineNanos = System.nanoTime() + cancelTimeout().toNanos();
    }

    /** Cancels an unfinished query and reads (and drops) its remaining responses up to the final one. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        if (!association.isOpen()) {
            end();
            return;
        }
        buffered = null;
        cancel();
        while (!finished) {
            receive();
        }
    }

    private FindResponse receive() throws IOException {
        if (!association.isOpen()) {
            end();
            throw new DicomNetworkException("association with " + association.peer()
                    + " has ended before the final C-FIND response");
        }
        Duration timeout = association.config().dimseTimeout();
        if (cancelSent) {
            timeout = Duration.ofNanos(Math.max(1, cancelDeadlineNanos - System.nanoTime()));
        }
        String what = "C-FIND-RSP " + (received + 1) + " (message ID " + messageId + ")"
                + (cancelSent ? " after C-CANCEL (final status due within "
                        + AssociationFailures.seconds(cancelTimeout()) + " of it)" : "");
        DimseMessage m;
        try {
            m = association.dimse().readMessage(what, timeout, FindQuery::pendingCommand);
            association.dimse().checkResponse(m, contextId, CommandField.C_FIND_RSP, messageId, what);
        } catch (IOException e) {
            end();
            throw e;
        }
        Attributes cmd = m.command();
        int code = association.dimse().status(cmd, what);
        DimseStatus status = DimseStatus.fromCommand(code, cmd);
        received++;
        if (status.isPending()) {
            int max = association.config().maxResponses();
            if (max > 0 && pendingCount >= max) {
                end();
                throw association.dimse().responseLimitExceeded("more than " + max + " Pending responses without a "
                        + "final status (maximum responses " + max + ")", what);
            }
            pendingCount++;
            if (m.dataSet() != null) {
                return withIdentifier(status, m.dataSet(), cmd, what);
            }
            if (!warnedMissingIdentifier) {
                warnedMissingIdentifier = true;
                LOG.warn("{}: {} has status {} but no identifier", association.peer(), what, status);
            }
        } else {
            if (m.dataSet() != null) {
                LOG.debug("{}: {} with status {} carries a data set of {} bytes; ignored", association.peer(),
                        what, status, m.dataSet().length);
            }
            finalResponse = FindResponse.finalResponse(messageId, status, cmd, received, cancelSent);
            if (finalResponse.isTruncatedByScp()) {
                LOG.debug("{}: {} is a Cancel although no C-CANCEL was sent: the SCP truncated the answer after {}"
                        + " matches", association.peer(), what, pendingCount);
            }
            end();
            return finalResponse;
        }
        return new FindResponse(messageId, status, null, cmd, received);
    }

    /** The DIMSE timeout, or the ACSE timeout when the DIMSE timeout is unlimited. */
    private Duration cancelTimeout() {
        Duration d = association.config().dimseTimeout();
        return d != null ? d : association.config().acseTimeout();
    }

    /** A canonical identifier is only checked here and decoded when asked for (see {@link FindResponse}). */
    private FindResponse withIdentifier(DimseStatus status, byte[] data, Attributes cmd, String what)
            throws IOException {
        try {
            return FindResponse.received(messageId, status, data, transferSyntax, association.config().decodeLimits(),
                    association.encodeOptions(), cmd, received);
        } catch (IOException e) {
            end();
            throw association.dimse().protocolError("identifier of " + what + " cannot be decoded in " + transferSyntax
                    + ": " + e.getMessage(), what);
        }
    }

    private static boolean pendingCommand(Attributes cmd) {
        int s = CommandSet.getUS(cmd, io.dicomfind.dicom.data.Tag.Status);
        return s >= 0 && DimseStatus.categoryOf(s) == DimseStatus.Category.PENDING;
    }

    private void end() {
        finished = true;
        association.queryFinished(this);
    }

    /** True once the final response was read (or the association failed). */
    public boolean isFinished() {
        return finished;
    }

    public boolean isCancelRequested() {
        return cancelSent;
    }

    /**
     * True when the query ended with a Cancel status (FE00) although no C-CANCEL was sent: the SCP truncated the
     * answer (see {@link FindResponse#isTruncatedByScp()}); {@link #pendingCount()} matches arrived.
     */
    public boolean isTruncatedByScp() {
        return finalResponse != null && finalResponse.isTruncatedByScp();
    }

    /** The final response, or null while running (or if the association failed before it). */
    public FindResponse finalResponse() {
        return finalResponse;
    }

    /** Pending responses received so far. */
    public int pendingCount() {
        return pendingCount;
    }

    public int messageId() {
        return messageId;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    /** The transfer syntax of the accepted context: identifiers are encoded and decoded in it. */
    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    public int presentationContextId() {
        return contextId;
    }

    public Association association() {
        return association;
    }
}
