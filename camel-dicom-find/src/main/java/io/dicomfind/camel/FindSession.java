package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.Priority;
import java.io.Closeable;
import java.io.IOException;

/** An open association on which C-FINDs run one after another (PS3.8 9.1); not thread-safe. */
public interface FindSession extends Closeable {
    /**
     * Sends a C-FIND-RQ (PS3.7 9.1.2) on the presentation context accepted for {@code sopClassUid}.
     *
     * @throws IOException the SOP class was not accepted, or the association failed
     */
    FindCursor find(String sopClassUid, Attributes identifier, Priority priority) throws IOException;

    /**
     * Whether another C-FIND may be sent on this association now: it is open, idle, and the peer has not ended it
     * meanwhile (a peer's A-RELEASE-RQ is answered on the way). Checked without blocking, when a pool lends it out.
     * False by default: a session that cannot tell is never pooled.
     */
    default boolean isReusable() {
        return false;
    }

    /**
     * Whether an earlier C-FIND ran on this association (a pooled one lent out again): a failure before the first
     * response may then mean the peer ended it while idle, and the query may be sent again on a fresh one.
     */
    default boolean isReused() {
        return false;
    }

    /**
     * resultCap: runs {@link io.dicomfind.dicom.net.SplitFind} on this association, each distinct match to
     * {@code sink}. Only the network layer's session can; others refuse.
     */
    default io.dicomfind.dicom.net.SplitFind split(String sopClassUid, Attributes identifier, int cap,
            String splitKey, java.time.LocalDate earliest,
            java.util.function.Consumer<io.dicomfind.dicom.net.FindResponse> sink) throws IOException {
        throw new UnsupportedOperationException("resultCap needs the network layer's FindService");
    }

    /**
     * Ends the association: an unfinished C-FIND is cancelled and read to its end, then the association is released;
     * or, when {@link FindSettings#abort()} asks for it (findscu {@code --abort}), it is aborted at once. The socket is
     * closed on every path; idempotent.
     */
    @Override
    void close() throws IOException;

    /**
     * The extended negotiation and user identity asked for and what the SCP accepted (PS3.7 D.3.3.5-D.3.3.7); null
     * for a session that negotiates none (test services).
     */
    default io.dicomfind.dicom.net.NegotiatedOptions negotiatedOptions() {
        return null;
    }
}
