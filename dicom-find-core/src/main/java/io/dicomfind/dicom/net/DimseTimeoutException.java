package io.dicomfind.dicom.net;

/**
 * No DIMSE response within the DIMSE timeout ({@code -td}); after a C-CANCEL, no final response in time. The
 * association has been aborted.
 */
public class DimseTimeoutException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    public DimseTimeoutException(String message) {
        super(message);
    }
}
