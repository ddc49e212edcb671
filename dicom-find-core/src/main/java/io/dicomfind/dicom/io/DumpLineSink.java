package io.dicomfind.dicom.io;

/**
 * Where {@link DumpWriter} puts a dump: one call per line, as it is formatted, so that no writer holds a whole data
 * set's text. findscu passes a sink that logs each line as one log event (as DCMTK's findscu does); {@link
 * DumpWriter#write(io.dicomfind.dicom.data.Attributes, Appendable)} one that appends lines to a buffer or stream.
 */
@FunctionalInterface
public interface DumpLineSink {
    /**
     * One line of the dump, without line terminator, never containing a line break (peer text in it is escaped,
     * {@link io.dicomfind.dicom.data.SafeText}). The sequence is reused for the next line: copy it to keep it.
     */
    void line(CharSequence line);
}
