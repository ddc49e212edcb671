package io.dicomfind.camel;

import io.dicomfind.dicom.io.OutputLimitException;
import java.io.Writer;

/**
 * The text of a String conversion (DICOM JSON, Native DICOM XML), refused past {@link #MAX_CHARS} characters: a
 * String is held whole, so a giant identifier must give a clear error, not an OutOfMemoryError. The data format
 * streams instead and has no such limit (docs/robustness.md, "Output").
 */
final class TextLimit extends Writer {
    /** 4 Mi characters: some 30,000 ordinary elements; beyond, use the {@code dicom} data format. */
    static final int MAX_CHARS = 4 << 20;

    private final StringBuilder text = new StringBuilder(1024);
    private final String what;

    TextLimit(String what) {
        this.what = what;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        room(len);
        text.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
        room(len);
        text.append(s, off, off + len);
    }

    @Override
    public void write(int c) {
        room(1);
        text.append((char) c);
    }

    private void room(int len) {
        if (text.length() + (long) len > MAX_CHARS) {
            throw new OutputLimitException(what + " of this identifier is longer than " + MAX_CHARS
                    + " characters, the limit of a String conversion (output limit); marshal it with the dicom data"
                    + " format, which streams");
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
