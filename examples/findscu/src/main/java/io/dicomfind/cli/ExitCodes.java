package io.dicomfind.cli;

/**
 * Exit codes. 0-3 are DCMTK findscu's (dcmnet/apps/findscu.cc: EXITCODE_NO_ERROR, EXITCODE_COMMANDLINE_SYNTAX_ERROR
 * and setup errors = 1, EXITCODE_ASSOCIATION_ERROR/network/DIMSE = 2, release/abort failures = 3). 4 is ours: DCMTK
 * exits 0 even when a C-FIND ends with a Failure status (A700 verified), so scripts could not tell; we do not.
 */
final class ExitCodes {
    /** Every C-FIND ended with Success, Cancel or a Warning (or only Pending were read before {@code --cancel}). */
    static final int OK = 0;
    /** Command line syntax, unreadable query file or log config, TLS requested, output directory missing. */
    static final int COMMAND_LINE = 1;
    /** Association rejected or failed, network error, timeout, DIMSE protocol error, peer abort. */
    static final int ASSOCIATION = 2;
    /** The queries ran, but releasing (or aborting) the association failed. */
    static final int TEARDOWN = 3;
    /** A C-FIND ended with a Failure status (Axxx, Cxxx, 01xx, 02xx ...): our addition, DCMTK exits 0. */
    static final int QUERY_FAILED = 4;
    /** Writing an extracted response file failed (DCMTK logs it and goes on with exit 0; we go on, then exit 5). */
    static final int OUTPUT_FAILED = 5;
    /**
     * Everything else succeeded, but a response was shown shortened: a value longer than {@code --max-print-length}
     * in the response listing, or a data set beyond an output limit (docs/robustness.md, "Output"). Ours.
     */
    static final int OUTPUT_LIMITED = 6;

    /**
     * The SCP refused our user identity ({@code --user} ...: A-ASSOCIATE-RJ to a request carrying one), or did not
     * confirm it although {@code --user-rsp} asked it to (PS3.7 D.3.3.7). Ours; DCMTK findscu has no user identity.
     */
    static final int USER_IDENTITY = 8;

    /**

     * A C-FIND ended with Cancel (FE00) although we sent no C-CANCEL: the SCP truncated its answer (a result cap,
     * e.g. Orthanc's LimitFindResults). Ours; DCMTK exits 0 and the list looks complete.
     */
    static final int TRUNCATED_BY_SCP = 7;

    private ExitCodes() {
    }
}
