package io.dicomfind.dicom.net;

import java.io.IOException;

/**
 * A DICOM network operation failed. Messages name the peer (host:port), the called AE title and what failed, so
 * that they can be shown to a user as they are.
 */
public class DicomNetworkException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomNetworkException(String message) {
        super(message);
    }

    public DicomNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
