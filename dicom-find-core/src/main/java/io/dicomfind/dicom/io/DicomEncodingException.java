package io.dicomfind.dicom.io;

import java.io.IOException;

/** Malformed DICOM encoding: the message names the tag and byte offset where decoding failed. */
public class DicomEncodingException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomEncodingException(String message) {
        super(message);
    }

    public DicomEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
