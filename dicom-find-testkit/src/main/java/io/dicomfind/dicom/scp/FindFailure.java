package io.dicomfind.dicom.scp;

/**
 * A C-FIND the SCP refuses with a Failure status (PS3.4 C.4.1.1.4, K.4.1.1.4): sent as the only, final response
 * with the Error Comment (0000,0902).
 */
final class FindFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** PS3.4 C.4.1.1.4: Identifier does not match SOP Class. */
    static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** PS3.4 C.4.1.1.4: Unable to process. */
    static final int UNABLE_TO_PROCESS = 0xC000;

    private final int status;

    FindFailure(int status, String comment) {
        super(comment);
        this.status = status;
    }

    int status() {
        return status;
    }
}
