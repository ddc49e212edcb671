package io.dicomfind.dicom.net;

/**
 * A C-FIND produced more responses than {@link AssociationConfig#maxResponses()} allows without a final status: the
 * guard against an SCP that sends Pending responses forever (the DIMSE timeout restarts on every response, PS3.7
 * 9.1.2, so it cannot end such a stream). The association has been aborted.
 */
public class ResponseLimitExceededException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    public ResponseLimitExceededException(String message) {
        super(message);
    }
}
