package io.dicomfind.camel;

import io.dicomfind.dicom.net.ResponseLimitExceededException;

/**
 * The SCP sent more Pending responses to one C-FIND than the endpoint option {@code maxResponses} allows (by default
 * 100000 for SelectList, SelectOne and the consumer, which hold every match in memory): the association was aborted
 * at the first response beyond the limit, and nothing of this C-FIND was delivered (SelectList, SelectOne, consumer)
 * or the stream ends here (StreamList). A {@link DicomFindAssociationException} with reason
 * {@link Reason#RESPONSE_LIMIT_EXCEEDED}; the cause is the network layer's {@link ResponseLimitExceededException}.
 * Retrying gives the same result: narrow the query, raise {@code maxResponses}, or stream with
 * {@code outputType=StreamList}.
 */
public class DicomFindResponseLimitException extends DicomFindAssociationException {
    private static final long serialVersionUID = 1L;

    DicomFindResponseLimitException(String peer, String what, ResponseLimitExceededException cause) {
        super(what + " with " + peer + " failed (" + Reason.RESPONSE_LIMIT_EXCEEDED + "): " + cause.getMessage()
                + ". The endpoint option maxResponses bounds the Pending responses of one C-FIND ("
                + DicomFindConfiguration.DEFAULT_MAX_RESPONSES + " unless set, for SelectList, SelectOne and the"
                + " consumer); narrow the query, raise maxResponses (0 = no limit) or use outputType=StreamList",
                peer, Reason.RESPONSE_LIMIT_EXCEEDED, null, false, cause);
    }
}
