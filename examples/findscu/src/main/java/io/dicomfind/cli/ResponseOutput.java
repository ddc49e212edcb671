package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.FindResponse;
import java.io.Closeable;
import java.io.IOException;

/** Where extracted response identifiers go ({@code -X}, {@code -Xx}, {@code -Xs}, {@code -J}). */
interface ResponseOutput extends Closeable {
    /**
     * Writes the identifier of response number {@code number} (findscu's association-wide response count),
     * received in transfer syntax {@code ts}; returns the file name to show in the log.
     */
    String write(int number, Attributes identifier, TransferSyntax ts) throws IOException;

    /** The file system part of a write, done later (on {@link BackgroundOutput}'s writer thread). */
    @FunctionalInterface
    interface PreparedWrite {
        void run() throws IOException;
    }

    /**
     * Splits a write in two: what needs only the response (decoding, encoding) runs now, on the caller's thread,
     * and the returned action does the rest. By default the identifier is decoded now and all the writing is left
     * to the action. An encoding error is thrown here.
     */
    default PreparedWrite prepare(int number, FindResponse response, TransferSyntax ts) throws IOException {
        Attributes identifier = response.identifier();
        return () -> write(number, identifier, ts);
    }

    @Override
    default void close() throws IOException {
    }
}
