package io.dicomfind.dicom.data;

import java.io.IOException;

/** A data dictionary file line that cannot be read; the message names the file and the line number. */
public final class DictionaryFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public DictionaryFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) the line is in. */
    public String source() {
        return source;
    }

    /** The line number, counting from 1. */
    public int line() {
        return line;
    }
}
