package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * DICOM files (PS3.10 7.1): a 128-byte preamble, "DICM", the File Meta Information in Explicit VR Little Endian, then
 * the data set in the transfer syntax the meta names.
 *
 * <p>Reading is tolerant in the ways query files need: a file without preamble but with meta, and a bare data set
 * without any meta (its transfer syntax guessed from its first element, as DCMTK does for query files).
 */
public final class Part10 {
    private static final byte[] DICM = {'D', 'I', 'C', 'M'};

    private Part10() {
    }

    /** What a file held: its meta information (empty for a bare data set), data set and transfer syntax. */
    public record File(Attributes meta, Attributes dataSet, TransferSyntax transferSyntax) {
    }

    public static File read(Path path, DecodeLimits limits) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, limits);
        } catch (DicomEncodingException e) {
            throw new DicomEncodingException(path + ": " + e.getMessage(), e);
        }
    }

    public static File read(InputStream stream, DecodeLimits limits) throws IOException {
        DicomInput in = new DicomInput(stream);
        byte[] head = new byte[8];
        int n = in.peek(head, 4);
        if (n == 0) {
            throw new DicomEncodingException("empty file: no DICOM data set");
        }
        boolean preamble = false;
        if (!startsWithMetaGroup(head, n)) {
            // Look for "DICM" after a 128-byte preamble.
            byte[] pre = new byte[132];
            int got = peekLong(in, pre);
            if (got == 132 && pre[128] == 'D' && pre[129] == 'I' && pre[130] == 'C' && pre[131] == 'M') {
                in.skip(132);
                preamble = true;
            }
        }
        if (!preamble) {
            n = in.peek(head, 4);
            if (n == 4 && head[0] == 'D' && head[1] == 'I' && head[2] == 'C' && head[3] == 'M') {
                in.skip(4);
            }
        }
        n = in.peek(head, 8);
        Attributes meta;
        TransferSyntax ts;
        if (startsWithMetaGroup(head, n)) {
            meta = DataSetReader.readMetaGroup(in, limits);
            String tsUid = meta.getString(Tag.TransferSyntaxUID);
            if (tsUid == null) {
                throw new DicomEncodingException("file meta information has no Transfer Syntax UID (0002,0010)");
            }
            ts = TransferSyntax.forUid(tsUid);
            if (ts == null) {
                throw new DicomEncodingException("transfer syntax " + tsUid
                        + " is not supported (only uncompressed and deflated syntaxes can hold a query)");
            }
        } else {
            meta = new Attributes();
            ts = guess(head, n);
        }
        Attributes ds = new Attributes();
        if (ts.deflated()) {
            InputStream rest = new InputStream() {
                @Override
                public int read() throws IOException {
                    return in.atEnd() ? -1 : in.readU8();
                }
            };
            DataSetReader.readDataSetRemainder(new DicomInput(new InflaterInputStream(rest, new Inflater(true))),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, limits, ds);
        } else {
            DataSetReader.readDataSetRemainder(in, ts, limits, ds);
        }
        return new File(meta, ds, ts);
    }

    private static int peekLong(DicomInput in, byte[] dst) throws IOException {
        return in.peek(dst, dst.length);
    }

    private static boolean startsWithMetaGroup(byte[] head, int n) {
        return n >= 4 && head[0] == 0x02 && head[1] == 0x00 && (n < 6 || isVR(head[4], head[5]));
    }

    private static boolean isVR(byte a, byte b) {
        return VR.ofCode((a & 0xFF) << 8 | (b & 0xFF)) != null;
    }

    /** A bare data set: explicit VR if bytes 4-5 spell a VR, big endian if the group reads sensibly only so. */
    private static TransferSyntax guess(byte[] head, int n) {
        if (n >= 6 && isVR(head[4], head[5])) {
            boolean bigEndian = head[0] == 0 && head[1] != 0;
            return bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }

    /**
     * Writes a file: preamble, meta information built from the arguments and the implementation identity, data set.
     */
    public static void write(OutputStream out, Attributes dataSet, TransferSyntax ts, String sopClassUid,
            String sopInstanceUid, String implementationClassUid, String implementationVersionName,
            String sourceAeTitle, EncodeOptions options) throws IOException {
        writeHeader(out, ts, sopClassUid, sopInstanceUid, implementationClassUid, implementationVersionName,
                sourceAeTitle);
        DataSetWriter.write(dataSet, ts, options, out);
    }

    /**
     * Writes what precedes the data set in a file (PS3.10 7.1): the 128-byte preamble, "DICM" and the File Meta
     * Information built from the arguments; the data set, encoded in {@code ts}, is the caller's to append.
     */
    public static void writeHeader(OutputStream out, TransferSyntax ts, String sopClassUid, String sopInstanceUid,
            String implementationClassUid, String implementationVersionName, String sourceAeTitle)
            throws IOException {
        Attributes meta = new Attributes();
        meta.set(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, ts.uid());
        meta.setString(Tag.ImplementationClassUID, VR.UI, implementationClassUid);
        meta.setString(Tag.ImplementationVersionName, VR.SH, implementationVersionName);
        if (sourceAeTitle != null && !sourceAeTitle.isBlank()) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, sourceAeTitle);
        }
        long metaLength = DataSetWriter.encodedLength(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                EncodeOptions.DEFAULT);
        meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, (int) metaLength);
        ByteArrayOutputStream head = new ByteArrayOutputStream(132 + 256);
        head.write(new byte[128]);
        head.write(DICM);
        DataSetWriter.write(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, EncodeOptions.DEFAULT, head);
        head.writeTo(out);
    }
}
