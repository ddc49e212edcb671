package io.dicomfind.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set written as DCMTK dump text ({@code (gggg,eeee) VR [value]} lines, sequences as
 * {@code (fffe,e000)}/{@code (fffe,e00d)}/{@code (fffe,e0dd)}) and converted to DICOM with {@code dump2dcm}, so test
 * data never goes through the component's own encoder.
 *
 * <p>Values are given as Java strings and encoded in the character set of the data set's Specific Character Set
 * (see {@link HarnessCharsets#forWriting(String)}): Latin-1 bytes for {@code ISO_IR 100}, UTF-8 for
 * {@code ISO_IR 192}, ISO-2022-JP (escape sequences {@code ESC $ B} / {@code ESC ( B}, PS3.5 Annex H) for
 * {@code \ISO 2022 IR 87}. dump2dcm copies the bytes between the brackets unchanged.
 */
public final class DumpFile {

    private final String specificCharacterSet;
    private final Charset charset;
    private final List<byte[]> lines = new ArrayList<>();

    /** @param specificCharacterSet value of (0008,0005) as in the dump ({@code \ISO 2022 IR 87}), or null for none */
    public DumpFile(String specificCharacterSet) {
        this.specificCharacterSet = specificCharacterSet;
        this.charset = HarnessCharsets.forWriting(specificCharacterSet);
        if (specificCharacterSet != null) {
            element("0008,0005", "CS", specificCharacterSet);
        }
    }

    public String specificCharacterSet() {
        return specificCharacterSet;
    }

    /** An element; {@code value} may hold several values separated by {@code \}; null or empty: zero length. */
    public DumpFile element(String tag, String vr, String value) {
        byte[] head = ("(" + tag + ") " + vr + " [").getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = encode(tag, value == null ? "" : value);
        byte[] line = new byte[head.length + encoded.length + 2];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(encoded, 0, line, head.length, encoded.length);
        line[line.length - 2] = ']';
        line[line.length - 1] = '\n';
        lines.add(line);
        return this;
    }

    /** Starts a sequence; follow with {@link #item()} ... {@link #endItem()} pairs and {@link #endSequence()}. */
    public DumpFile sequence(String tag) {
        return raw("(" + tag + ") SQ (Sequence)");
    }

    public DumpFile item() {
        return raw("(fffe,e000) na (Item)");
    }

    public DumpFile endItem() {
        return raw("(fffe,e00d) na (ItemDelimitationItem)");
    }

    public DumpFile endSequence() {
        return raw("(fffe,e0dd) na (SequenceDelimitationItem)");
    }

    /** A zero-length (type 2, empty) sequence: no items. */
    public DumpFile emptySequence(String tag) {
        return sequence(tag).endSequence();
    }

    private DumpFile raw(String text) {
        lines.add((text + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public byte[] bytes() {
        int n = lines.stream().mapToInt(l -> l.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(n);
        lines.forEach(buf::put);
        return buf.array();
    }

    /**
     * Writes {@code out} as a Part-10 file (explicit VR little endian, no group lengths) via dump2dcm, keeping the
     * dump text next to it as {@code out.dump}.
     */
    public Path writeDicom(Path out) {
        Path dump = out.resolveSibling(out.getFileName() + ".dump");
        try {
            Files.write(dump, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dump, e);
        }
        convert(dump, out);
        return out;
    }

    /** Converts an existing dump file with {@code dump2dcm -g +te} (remove group lengths, explicit VR LE). */
    public static void convert(Path dump, Path out) {
        Peers.exec(List.of("dump2dcm", "-q", "-g", "+te", dump.toString(), out.toString()), null).requireSuccess();
    }

    private byte[] encode(String tag, String value) {
        try {
            var encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bb = encoder.encode(java.nio.CharBuffer.wrap(value));
            byte[] bytes = new byte[bb.remaining()];
            bb.get(bytes);
            checkDumpSafe(tag, value, bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("value of (" + tag + ") [" + value + "] cannot be encoded in "
                    + charset + " for Specific Character Set " + specificCharacterSet, e);
        }
    }

    /**
     * dump2dcm splits values at {@code \} and ends a value at {@code ]}; inside a two-byte JIS X 0208 run those
     * bytes would be character halves, which the dump format cannot carry. Refuse such test data instead of writing
     * something else than intended.
     */
    private static void checkDumpSafe(String tag, String value, byte[] bytes) {
        boolean twoByte = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0x1b && i + 2 < bytes.length) {
                twoByte = bytes[i + 1] == '$';
                continue;
            }
            if (b == '\n' || b == '\r' || (twoByte && (b == '\\' || b == ']'))) {
                throw new IllegalArgumentException("value of (" + tag + ") [" + value
                        + "] encodes to a byte the dump format cannot carry: choose other test data");
            }
        }
    }
}
