package io.dicomfind.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * The SCP ended the C-FIND with a Failure status (PS3.4 C.4.1.1.4: A700 Refused: Out of Resources, A900 Identifier
 * does not match SOP Class, Cxxx Unable to process; PS3.7 C: 0122, 0124 ...). Matches received before it were
 * delivered (StreamList, consumer) or dropped (SelectList, SelectOne).
 */
public class DicomFindFailedException extends RuntimeCamelException {
    private static final long serialVersionUID = 1L;

    private final transient FindStatus status;
    private final String peer;
    private final String sopClassUid;

    public DicomFindFailedException(FindStatus status, String peer, String sopClassUid) {
        super("C-FIND on " + peer + " (SOP class " + sopClassUid + ") failed with status " + status);
        this.status = status;
        this.peer = peer;
        this.sopClassUid = sopClassUid;
    }

    public FindStatus getStatus() {
        return status;
    }

    /** The status code, e.g. 0xA700. */
    public int getStatusCode() {
        return status.code();
    }

    /** "CALLED@host:port". */
    public String getPeer() {
        return peer;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }
}
