package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.SpecificCharacterSet;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindResponse;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One C-FIND from association to release, read lazily as an iterator of matching identifiers: the body of
 * {@link OutputType#StreamList} and the engine behind the other output types and the consumer.
 *
 * <p>The association is opened in the constructor, so that a rejection surfaces where the query is started. It is
 * closed exactly once: when the final response arrives, or by {@link #close()} (which, on an unfinished query, sends
 * C-CANCEL and reads the rest before releasing; PS3.4 C.4.1.2). A Failure final status is thrown from
 * {@link #hasNext()} as {@link DicomFindFailedException}, after the association was closed; a network failure as
 * {@link DicomFindAssociationException}. Received identifiers get the endpoint's fallback character set and, with
 * {@code dataCorrection}, {@link IdentifierCorrection}. Associations are counted in the endpoint's {@link FindActivity}.
 *
 * <p>With a pool, "opened" is borrowed and "closed" is given back. A pooled association the peer ended while it idled
 * is found when it is lent out, or by the first read or write of the C-FIND; in the latter case the C-FIND is sent
 * once more on a fresh association, transparently, as long as none of its responses was read ({@link #mayRetry}).
 *
 * <p>Limits: with {@code maxResults} N, the N+1-th match triggers C-CANCEL and is dropped, so {@link #truncated()}
 * is only true when the SCP really had more. With {@code cancelAfter} N (findscu {@code --cancel}), C-CANCEL is
 * sent after the N-th response and the matches still in flight are delivered, as findscu shows them.
 */
final class FindRun implements Iterator<Attributes>, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(FindRun.class);

    private final FindRequest request;
    private final SpecificCharacterSet fallback;
    private final boolean dataCorrection;
    private final FindActivity activity;
    private final long started = System.nanoTime();
    private final List<String> warnings = new ArrayList<>();
    private final FindService service;
    private FindSession session;
    private FindCursor cursor;
    private boolean retried;
    private Attributes buffered;
    private boolean ended;
    private boolean closed;
    private boolean stopDelivering;
    private boolean truncated;
    private boolean truncatedByScp;
    private int responseCount;
    private int delivered;
    private DimseStatus finalStatus;
    private long elapsedMillis = -1;
    private Runnable onEnd;
    private java.util.function.BooleanSupplier stopWhen = () -> false;

    FindRun(FindService service, FindRequest request, SpecificCharacterSet fallback, boolean dataCorrection,
            FindActivity activity) {
        this.service = service;
        this.request = request;
        this.fallback = fallback;
        this.dataCorrection = dataCorrection;
        this.activity = activity;
        start(false);
    }

    /** Opens (or borrows) the association and sends the C-FIND-RQ; a failure is thrown in the Camel exception. */
    private void start(boolean fresh) {
        FindSettings s = request.settings();
        try {
            session = fresh ? service.openFresh(s) : service.open(s);
        } catch (IOException e) {
            DicomFindAssociationException ex = DicomFindAssociationException.of(s.peer(), "association", e);
            activity.failed(ex);
            throw ex;
        }
        activity.associationOpened();
        String negotiation = NegotiationHeaders.describe(session.negotiatedOptions(), s.sopClassUid());
        if (negotiation != null) {
            activity.negotiated(negotiation);
        }
        FindCursor c;
        try {
            c = session.find(s.sopClassUid(), request.identifier(), request.priority());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException io && mayRetry(io)) {
                retry(io);
                return;
            }
            closeSession();
            RuntimeException ex = e instanceof IOException io
                    ? DicomFindAssociationException.of(s.peer(), "C-FIND", io) : (RuntimeException) e;
            activity.failed(ex);
            throw ex;
        }
        activity.queryStarted();
        this.cursor = c;
    }

    /**
     * Once per run, before anything of the C-FIND was received, on a pooled association that carried an earlier one:
     * a failure that shows the peer ended it while it idled ({@link StaleAssociation}).
     */
    private boolean mayRetry(IOException e) {
        return !retried && responseCount == 0 && session.isReused() && StaleAssociation.suggests(e);
    }

    /** Gives the stale association back (the pool destroys it) and sends the same C-FIND on a fresh one. */
    private void retry(IOException e) {
        retried = true;
        LOG.debug("C-FIND on {}: the pooled association had been ended by the peer ({}); sending the query again on"
                + " a fresh association", request.settings().peer(), e.getMessage());
        closeQuietly(cursor);
        cursor = null;
        closeSession();
        start(true);
    }

    /**
     * A condition checked before each read: when it holds, the C-FIND is cancelled and the iteration ends. The
     * splitter iterates the remaining parts to release them after a stopOnException failure; without this guard that
     * would read the whole result set from the SCP.
     */
    void stopWhen(java.util.function.BooleanSupplier condition) {
        this.stopWhen = condition;
    }

    /** Called once when the final response has been read and the association closed (not on close()). */
    void onEnd(Runnable callback) {
        this.onEnd = callback;
    }

    @Override
    public boolean hasNext() {
        if (buffered != null) {
            return true;
        }
        while (!ended) {
            if (stopWhen.getAsBoolean()) {
                LOG.debug("C-FIND on {}: the route stopped, cancelling", request.settings().peer());
                close();
                return false;
            }
            FindResponse r;
            try {
                r = cursor.next();
            } catch (IOException e) {
                if (mayRetry(e)) {
                    retry(e);
                    continue;
                }
                throw broken(e);
            }
            if (r == null) {
                // The network layer promises a final response; an end without one is a broken association.
                throw broken(new IOException("C-FIND on " + request.settings().peer()
                        + " ended without a final response"));
            }
            if (r.status().isPending()) {
                if (accept(r)) {
                    return true;
                }
            } else {
                if (r.isTruncatedByScp()) {
                    truncatedByScp = true;
                    warn("the SCP truncated the answer: it ended the C-FIND with Cancel (FE00) after "
                            + responseCount + " matches although no C-CANCEL was sent; the result is incomplete");
                }
                finish(r.status());
            }
        }
        return false;
    }

    /** Counts a Pending response; buffers its identifier if it is to be delivered. */
    private boolean accept(FindResponse r) {
        responseCount++;
        activity.responseRead();
        if (r.status().code() == DimseStatus.PENDING_WARNING && !warnings.contains(PENDING_WARNING_TEXT)) {
            warnings.add(PENDING_WARNING_TEXT); // PS3.4 C.4.1.1.4: report once, not per match
        }
        if (r.identifier() == null) {
            warn("response " + r.index() + " has status " + r.status() + " but no identifier");
            return false;
        }
        if (stopDelivering) {
            return false; // in flight after our C-CANCEL
        }
        int max = request.maxResults();
        if (max > 0 && delivered >= max) {
            truncated = true;
            LOG.debug("C-FIND on {}: more than {} matches, sending C-CANCEL", request.settings().peer(), max);
            cancel();
            return false;
        }
        Attributes id = r.identifier();
        if (fallback != null && id.fallbackCharacterSet() == null) {
            id.setFallbackCharacterSet(fallback); // used only when the identifier has no (0008,0005)
        }
        if (dataCorrection) {
            IdentifierCorrection.apply(id);
        }
        buffered = id;
        if (request.cancelAfter() > 0 && responseCount == request.cancelAfter()) {
            sendCancel(); // findscu --cancel: what is in flight is still shown
        }
        return true;
    }

    private static final String PENDING_WARNING_TEXT =
            "FF01H Pending: one or more optional keys were not supported for existence or matching";

    @Override
    public Attributes next() {
        if (!hasNext()) {
            throw new NoSuchElementException("C-FIND on " + request.settings().peer() + " has no more matches");
        }
        Attributes id = buffered;
        buffered = null;
        delivered++;
        return id;
    }

    /** Sends C-CANCEL (once) and delivers no further matches; the final response is still read. */
    void cancel() {
        stopDelivering = true;
        sendCancel();
    }

    private void sendCancel() {
        if (ended) {
            return;
        }
        try {
            cursor.cancel();
        } catch (IOException e) {
            throw broken(e); // the association is gone: finish without a final status
        }
    }

    private DicomFindAssociationException broken(IOException e) {
        finish(null);
        DicomFindAssociationException ex = DicomFindAssociationException.of(request.settings().peer(), "C-FIND", e);
        activity.failed(ex);
        return ex;
    }

    private void finish(DimseStatus status) {
        ended = true;
        buffered = null;
        finalStatus = status;
        elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        if (status != null && status.category() == DimseStatus.Category.WARNING) {
            warnings.add(status.toString());
        }
        if (status != null) {
            activity.finished(status);
        }
        release();
        if (status != null && onEnd != null) {
            onEnd.run();
        }
        if (status != null && status.isFailure()) {
            throw new DicomFindFailedException(status, request.settings().peer(), request.settings().sopClassUid());
        }
    }

    private void release() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(cursor);
        closeSession();
    }

    private void closeSession() {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // The C-FIND had ended (or was given up): its result stands, so a failed release (no A-RELEASE-RP, an
            // A-ABORT or a reset instead) is reported in the warnings header rather than thrown. The network layer
            // closed the socket already.
            warn("A-RELEASE failed: " + e.getMessage());
        } finally {
            activity.associationClosed();
        }
    }

    /** Cancels an unfinished C-FIND, reads it to its end and closes the association; idempotent. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            buffered = null;
            elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        }
        release();
    }

    private void warn(String text) {
        warnings.add(text);
        LOG.warn("C-FIND on {}: {}", request.settings().peer(), text);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing {}: {}", c, e.getMessage(), e);
        }
    }

    boolean isEnded() {
        return ended;
    }

    /** The final status, or null while running or when the association failed or was closed early. */
    DimseStatus finalStatus() {
        return finalStatus;
    }

    int responseCount() {
        return responseCount;
    }

    int delivered() {
        return delivered;
    }

    boolean truncated() {
        return truncated;
    }

    /** The SCP ended with Cancel (FE00) although we sent no C-CANCEL (PS3.4 C.4.1.2): its answer is cut short. */
    boolean truncatedByScp() {
        return truncatedByScp;
    }

    /**
     * True when the final status says the SCP sent every match (Success or a Warning): false while running, after a
     * Cancel (ours, for maxResults, maxMessagesPerPoll, cancelAfter or a stopped route, or the SCP's own) and when the
     * association failed.
     */
    boolean complete() {
        return finalStatus != null && (finalStatus.category() == DimseStatus.Category.SUCCESS
                || finalStatus.category() == DimseStatus.Category.WARNING);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    int messageId() {
        return cursor.messageId();
    }

    String transferSyntaxUid() {
        return cursor.transferSyntaxUid();
    }

    String sopClassUid() {
        return request.settings().sopClassUid();
    }

    /** What was negotiated beyond presentation contexts (PS3.7 D.3.3.5-D.3.3.7), or null (a test service). */
    io.dicomfind.dicom.net.NegotiatedOptions negotiatedOptions() {
        return session.negotiatedOptions();
    }

    /** Milliseconds from opening to the final response (or to close), -1 while running. */
    long elapsedMillis() {
        return elapsedMillis;
    }
}
