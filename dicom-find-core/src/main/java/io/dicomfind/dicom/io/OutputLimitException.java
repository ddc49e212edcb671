package io.dicomfind.dicom.io;

/**
 * A writer refused to go on because a data set exceeds one of its bounds ({@link OutputLimits}): the message names
 * the element and the limit. Nothing is written past the element; the data set itself is unchanged.
 */
public final class OutputLimitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OutputLimitException(String message) {
        super(message);
    }
}
