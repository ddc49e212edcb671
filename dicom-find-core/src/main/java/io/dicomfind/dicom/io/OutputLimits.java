package io.dicomfind.dicom.io;

/**
 * The bounds every writer (dump, DCMTK XML, Native DICOM Model, DICOM JSON) keeps, whatever data set it is given,
 * so that output never recurses or allocates without limit (docs/robustness.md, "Output").
 */
public final class OutputLimits {
    /**
     * Deepest sequence nesting a writer follows: four times {@link DecodeLimits#DEFAULT}'s 64, so that anything a
     * decoder accepted with the defaults is written, and a data set built by code cannot exhaust the stack.
     */
    public static final int MAX_DEPTH = 256;

    private OutputLimits() {
    }

    /** Throws {@link OutputLimitException} when {@code depth} (1 for the items of a top-level sequence) is too deep. */
    static void checkDepth(int depth, int tag) {
        if (depth > MAX_DEPTH) {
            throw new OutputLimitException("sequence (" + DcmtkText.tag(tag) + ") nested deeper than "
                    + MAX_DEPTH + " levels: not written (output limit)");
        }
    }
}
