package io.dicomfind.dicom.net;

/**
 * No A-ASSOCIATE-AC/RJ (or A-RELEASE-RP) within the ACSE timeout ({@code -ta}). The transport has been closed.
 */
public class AcseTimeoutException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    public AcseTimeoutException(String message) {
        super(message);
    }
}
