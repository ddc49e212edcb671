package io.dicomfind.camel;

import io.dicomfind.dicom.net.FindResponse;
import java.io.Closeable;
import java.io.IOException;

/**
 * A running C-FIND whose responses are read lazily, one per {@link #next()} call, while the SCP is still matching:
 * the part of {@link io.dicomfind.dicom.net.FindQuery} the Camel side uses. Nothing is collected here.
 */
public interface FindCursor extends Closeable {
    /**
     * The next response: the Pending ones in arrival order, then the final one (any status but Pending). Returns null
     * after the final one.
     *
     * @throws IOException the association failed (it is then closed; {@link #close()} does nothing more)
     */
    FindResponse next() throws IOException;

    /**
     * Sends C-CANCEL-FIND-RQ (PS3.7 9.3.2.3) once; does nothing after the final response. Keep calling
     * {@link #next()}: the Pendings already in flight and the final status (FE00 Cancel, or 0000 if the SCP had
     * finished) still arrive (PS3.4 C.4.1.2).
     */
    void cancel() throws IOException;

    /** Message ID (0000,0110) of the C-FIND-RQ. */
    int messageId();

    /** The transfer syntax accepted for the FIND presentation context: the one the identifiers travel in. */
    String transferSyntaxUid();

    /** Cancels an unfinished C-FIND and reads its remaining responses up to the final one; idempotent. */
    @Override
    void close() throws IOException;
}
