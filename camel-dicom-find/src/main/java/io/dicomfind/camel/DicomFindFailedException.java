package io.dicomfind.camel;

import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.DimseStatus;
import java.util.Arrays;
import java.util.List;

/**
 * The SCP ended the C-FIND with a Failure status (PS3.4 C.4.1.1.4: A700 Refused: Out of Resources, A900 Identifier
 * does not match SOP Class, Cxxx Unable to process; PS3.7 C: 0122, 0124 ...). Matches received before it were
 * delivered (StreamList, consumer) or dropped (SelectList, SelectOne). Carries the status code, its description,
 * the Error Comment (0000,0902) and the Offending Element (0000,0901) as the SCP sent them.
 */
public class DicomFindFailedException extends DicomFindException {
    private static final long serialVersionUID = 1L;

    private final transient DimseStatus status;
    private final String sopClassUid;

    public DicomFindFailedException(DimseStatus status, String peer, String sopClassUid) {
        super("C-FIND on " + peer + " (SOP class " + sopClassUid + ") failed with status " + status, peer, null);
        this.status = status;
        this.sopClassUid = sopClassUid;
    }

    public DimseStatus getStatus() {
        return status;
    }

    /** The status code, e.g. 0xA700. */
    public int getStatusCode() {
        return status.code();
    }

    /** The status in words, e.g. "Refused: Out of Resources". */
    public String getStatusDescription() {
        return status.description();
    }

    /** Error Comment (0000,0902), or null. */
    public String getErrorComment() {
        return status.errorComment();
    }

    /** Offending Element (0000,0901) as "(gggg,eeee)" tags; empty when the SCP named none. */
    public List<String> getOffendingElements() {
        return Arrays.stream(status.offendingElements()).mapToObj(Tag::toString).toList();
    }

    public String getSopClassUid() {
        return sopClassUid;
    }
}
