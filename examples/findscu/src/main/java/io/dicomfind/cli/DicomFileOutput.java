package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code -X}: each response identifier as a DICOM file {@code rspNNNN.dcm} (PS3.10) in the output directory, in the
 * transfer syntax it arrived in, as findscu does. The identifier has no SOP Class/Instance of its own, so the meta
 * information names the C-FIND SOP Class of the query and a fresh UUID-derived UID (PS3.5 B.2); DCMTK uses its
 * private "generic file" SOP class there.
 */
final class DicomFileOutput implements ResponseOutput {
    private final Path directory;
    private final String sopClassUid;
    private final String callingAeTitle;
    private final EncodeOptions encodeOptions;

    DicomFileOutput(Path directory, String sopClassUid, String callingAeTitle, EncodeOptions encodeOptions) {
        this.directory = directory;
        this.sopClassUid = sopClassUid;
        this.callingAeTitle = callingAeTitle;
        this.encodeOptions = encodeOptions;
    }

    static String fileName(int number, String extension) {
        // as String.format("rsp%04d.%s"), without a Formatter per response (the -X hot path)
        String digits = Integer.toString(number);
        StringBuilder b = new StringBuilder(8 + digits.length() + extension.length()).append("rsp");
        for (int i = digits.length(); i < 4; i++) {
            b.append('0');
        }
        return b.append(digits).append('.').append(extension).toString();
    }

    @Override
    public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
        prepare(number, identifier, ts).run();
        return fileName(number, "dcm");
    }

    /**
     * Encodes the whole file now (meta information, a new UID, the data set) into one array, and leaves to the
     * action only creating the file and one write: with {@link BackgroundOutput} the encoding runs on the receiving
     * thread and the writer thread does nothing but the system calls (see docs/performance.md).
     */
    @Override
    public PreparedWrite prepare(int number, Attributes identifier, TransferSyntax ts) throws IOException {
        String name = fileName(number, "dcm");
        String cuid = identifier.getString(Tag.SOPClassUID);
        String iuid = identifier.getString(Tag.SOPInstanceUID);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
        Part10.write(buffer, identifier, ts, cuid != null ? cuid : sopClassUid, iuid != null ? iuid : newUid(),
                UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, callingAeTitle, encodeOptions);
        byte[] file = buffer.toByteArray();
        return () -> {
            try (OutputStream out = new FileOutputStream(directory.resolve(name).toFile())) {
                out.write(file);
            }
        };
    }

    /** A UUID-derived UID (PS3.5 B.2): "2.25." followed by the UUID as an unsigned decimal integer. */
    static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
