package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.FindResponse;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * {@code -X}: each response identifier as a DICOM file {@code rspNNNN.dcm} (PS3.10) in the output directory, in the
 * transfer syntax it arrived in, as findscu does. The identifier has no SOP Class/Instance of its own, so the meta
 * information names the C-FIND SOP Class of the query and a new UID under a UUID-derived root (PS3.5 B.2); DCMTK
 * uses its private "generic file" SOP class there.
 */
final class DicomFileOutput implements ResponseOutput {
    private final Path directory;
    private final String sopClassUid;
    private final String callingAeTitle;
    private final EncodeOptions encodeOptions;
    /**
     * A UUID-derived root (PS3.5 B.2) of this run's own, under which the response number makes each file's SOP
     * Instance UID unique: one random UUID per run rather than per file (a SecureRandom draw and a 128-bit decimal
     * conversion per response were an eighth of the -X hot path); at most 5 + 39 + 1 + 10 = 55 characters.
     */
    private final String uidRoot = newUid() + ".";
    /** The encoded meta information with a placeholder instance UID: see {@link #writeFromTemplate}. */
    private byte[] template;
    private TransferSyntax templateSyntax;
    private int templateDigits;
    private int templateDigitsAt;

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
        fileWrite(number, encode(number, identifier, ts)).run();
        return fileName(number, "dcm");
    }

    /**
     * Encodes the whole file now (meta information, a new UID, the data set) into one array, and leaves to the
     * action only creating the file and one write: with {@link BackgroundOutput} the encoding runs on the receiving
     * thread and the writer thread does nothing but the system calls (see docs/performance.md).
     *
     * <p>An identifier that arrived in canonical form (exactly as {@code DataSetWriter} would write it with the
     * association's encode options, which are ours: {@code -u}, defined lengths) is copied as received, without
     * decoding it and encoding it again: the same bytes, at a fraction of the cost.
     */
    @Override
    public PreparedWrite prepare(int number, FindResponse response, TransferSyntax ts) throws IOException {
        if (!response.isIdentifierCanonical()) {
            return fileWrite(number, encode(number, response.identifier(), ts));
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
        Attributes sop = response.identifierElements(Tag.SOPClassUID, Tag.SOPInstanceUID);
        writeHeader(buffer, sop, number, ts);
        response.writeEncodedIdentifier(buffer);
        return fileWrite(number, buffer.toByteArray());
    }

    private byte[] encode(int number, Attributes identifier, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
        writeHeader(buffer, identifier, number, ts);
        DataSetWriter.write(identifier, ts, encodeOptions, buffer);
        return buffer.toByteArray();
    }

    private PreparedWrite fileWrite(int number, byte[] file) {
        Path path = directory.resolve(fileName(number, "dcm"));
        return () -> {
            try (OutputStream out = new FileOutputStream(path.toFile())) {
                out.write(file);
            }
        };
    }

    /** The preamble and meta information (PS3.10 7.1): the identifier's own SOP Class/Instance if it has them. */
    private void writeHeader(ByteArrayOutputStream buffer, Attributes sop, int number, TransferSyntax ts)
            throws IOException {
        String cuid = sop.getString(Tag.SOPClassUID);
        String iuid = sop.getString(Tag.SOPInstanceUID);
        if (cuid == null && iuid == null) {
            writeFromTemplate(buffer, number, ts);
            return;
        }
        Part10.writeHeader(buffer, ts, cuid != null ? cuid : sopClassUid, iuid != null ? iuid : uidRoot + number,
                UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, callingAeTitle);
    }

    /**
     * The common case, an identifier without SOP Class/Instance UIDs: all files' meta information is the same but
     * for the response number at the end of the instance UID, so it is encoded once per transfer syntax and number
     * of digits (a placeholder of the same length keeps the group length and padding right) and only the digits are
     * written for each file.
     */
    private void writeFromTemplate(ByteArrayOutputStream buffer, int number, TransferSyntax ts) throws IOException {
        byte[] digits = Integer.toString(number).getBytes(StandardCharsets.US_ASCII);
        if (template == null || templateSyntax != ts || templateDigits != digits.length) {
            String placeholder = uidRoot + "0".repeat(digits.length);
            ByteArrayOutputStream t = new ByteArrayOutputStream(512);
            Part10.writeHeader(t, ts, sopClassUid, placeholder, UID.IMPLEMENTATION_CLASS_UID,
                    UID.IMPLEMENTATION_VERSION_NAME, callingAeTitle);
            template = t.toByteArray();
            templateSyntax = ts;
            templateDigits = digits.length;
            templateDigitsAt = indexOf(template, placeholder.getBytes(StandardCharsets.US_ASCII)) + uidRoot.length();
        }
        buffer.write(template, 0, templateDigitsAt);
        buffer.write(digits);
        int rest = templateDigitsAt + digits.length;
        buffer.write(template, rest, template.length - rest);
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the instance UID is missing from the encoded meta information");
    }

    /**
     * A UUID-derived UID (PS3.5 B.2): "2.25." followed by a random (version 4, RFC 4122) UUID as an unsigned
     * decimal integer. The 122 random bits come from the kernel's {@code /dev/urandom} where there is one, which is
     * what {@code SecureRandom} reads there too, without its provider set-up (a tenth of a short run's start-up);
     * from {@code SecureRandom} elsewhere.
     */
    static String newUid() {
        byte[] b = randomBytes(16);
        b[6] = (byte) (b[6] & 0x0F | 0x40); // version 4
        b[8] = (byte) (b[8] & 0x3F | 0x80); // IETF variant
        return "2.25." + new BigInteger(1, b);
    }

    private static byte[] randomBytes(int n) {
        Path urandom = Path.of("/dev/urandom");
        if (Files.isReadable(urandom)) {
            try (InputStream in = Files.newInputStream(urandom)) {
                byte[] b = in.readNBytes(n);
                if (b.length == n) {
                    return b;
                }
            } catch (IOException e) {
                // fall back to SecureRandom below
            }
        }
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
