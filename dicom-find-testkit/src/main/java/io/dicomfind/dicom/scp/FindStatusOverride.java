package io.dicomfind.dicom.scp;

/**
 * Lets a test make the SCP answer a C-FIND with a status of its choice instead of searching, e.g. a Failure
 * {@code A700} (Refused: Out of Resources) or {@code C001} (Unable to process), or a Warning. The status is sent as
 * the only, final response (PS3.4 C.4.1.1.4: final responses carry no Identifier).
 */
@FunctionalInterface
public interface FindStatusOverride {

    /** The final status to answer {@code request} with, or null to search normally. */
    Integer statusFor(FindRequest request);
}
