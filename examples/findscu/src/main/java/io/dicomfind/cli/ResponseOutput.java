package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.Closeable;
import java.io.IOException;

/** Where extracted response identifiers go ({@code -X}, {@code -Xx}, {@code -Xs}, {@code -J}). */
interface ResponseOutput extends Closeable {
    /**
     * Writes the identifier of response number {@code number} (findscu's association-wide response count),
     * received in transfer syntax {@code ts}; returns the file name to show in the log.
     */
    String write(int number, Attributes identifier, TransferSyntax ts) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
