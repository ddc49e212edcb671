package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.UnencodableCharacterException;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Prints a data set the way DCMTK's {@code dcmdump} does and findscu logs its request and response identifiers:
 * <pre>
 * # Dicom-Data-Set
 * # Used TransferSyntax: Little Endian Explicit
 * (0010,0010) PN [Doe^John]                               #   8, 1 PatientName
 * </pre>
 * The value field is padded to 55 characters (after the indentation of two spaces per nesting level), then
 * {@code #}, the value length right-aligned in 4 columns, the value multiplicity in 2, and the element name.
 * Empty values print as {@code (no value available)}; sequences and items as DCMTK's pseudo-elements with their
 * delimitation items. Long values are shortened to 70 characters with {@code ...} unless
 * {@link #shortenLongValues(boolean)} is off (dcmdump {@code +L}).
 *
 * <p>Values are printed decoded with the data set's Specific Character Set; the column padding counts the bytes of
 * the value in that character set, as DCMTK (which prints raw bytes) does. Not thread-safe; configure, then reuse.
 */
public final class DumpWriter {
    /** How sequence and item lengths are shown; DCMTK shows what the data set was decoded with. */
    public enum SequenceLengths {
        /** Explicit lengths, computed for the transfer syntax: what DCMTK shows for a data set read with them. */
        EXPLICIT,
        /** {@code u/l}: what DCMTK shows for a data set read with undefined lengths (and what dcm4che sends). */
        UNDEFINED,
        /** Explicit wording with length 0: findscu's log of a request identifier built from {@code -k} keys. */
        NOT_ENCODED,
        /**
         * Each sequence as it arrived ({@link Sequence#undefinedLength()}): {@code u/l} for one received with
         * undefined length, computed explicit lengths otherwise, as DCMTK shows a data set it decoded. Its items are
         * shown like their sequence: the data model keeps the flag per sequence, not per item (PS3.5 7.5.1 lets
         * the two differ, which no peer we know of does).
         */
        AS_RECEIVED
    }

    private static final int VALUE_COLUMN = 55;
    private static final int MAX_VALUE_WIDTH = 70;

    private final TransferSyntax transferSyntax;
    private boolean showPadding;
    private boolean shortenLongValues = true;
    private Function<Sequence, SequenceLengths> sequenceLengths = seq -> SequenceLengths.EXPLICIT;
    private ElementDictionary dictionary = ElementDictionary.standard();

    /** @param transferSyntax the syntax named in the header and used for computed lengths */
    public DumpWriter(TransferSyntax transferSyntax) {
        this.transferSyntax = transferSyntax;
    }

    /**
     * true: print text values as received, padding included (findscu's default {@code -dc}, no data correction,
     * shows {@code [Doe^John ]}); false (default): without trailing padding, as dcmdump shows a file.
     */
    public DumpWriter showPadding(boolean b) {
        this.showPadding = b;
        return this;
    }

    public DumpWriter shortenLongValues(boolean b) {
        this.shortenLongValues = b;
        return this;
    }

    public DumpWriter sequenceLengths(SequenceLengths mode) {
        Objects.requireNonNull(mode, "mode");
        this.sequenceLengths = seq -> mode;
        return this;
    }

    /**
     * Chooses the display of each sequence (and its items) separately, e.g. findscu's log of a query file with
     * {@code -k} keys added: the file's sequences {@link SequenceLengths#AS_RECEIVED}, those the keys created
     * {@link SequenceLengths#NOT_ENCODED}.
     */
    public DumpWriter sequenceLengths(Function<Sequence, SequenceLengths> choice) {
        this.sequenceLengths = Objects.requireNonNull(choice, "choice");
        return this;
    }

    public DumpWriter dictionary(ElementDictionary dict) {
        this.dictionary = dict;
        return this;
    }

    /**
     * DCMTK's name of a registered UID as its logs show it after {@code =} (e.g. {@code LittleEndianExplicit},
     * {@code FINDModalityWorklistInformationModel}); null when the UID is not registered.
     */
    public static String uidName(String uid) {
        return DcmtkText.uidName(uid);
    }

    /** The header lines {@code # Dicom-Data-Set} and {@code # Used TransferSyntax: ...} and one line per element. */
    public String dump(Attributes ds) {
        StringBuilder sb = new StringBuilder();
        write(ds, sb);
        return sb.toString();
    }

    /** Appends {@link #dump(Attributes)}; every line ends with {@code \n}. */
    public void write(Attributes ds, Appendable out) {
        try {
            out.append("# Dicom-Data-Set\n# Used TransferSyntax: ")
                    .append(DcmtkText.transferSyntaxName(transferSyntax)).append('\n');
            writeElements(ds, 0, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code dcmdump} prints for a Part-10 file: {@code # Dicom-File-Format}, the meta header (always Explicit VR
     * Little Endian, PS3.10 7.1) and the data set.
     */
    public String dumpFile(Attributes meta, Attributes ds) {
        StringBuilder sb = new StringBuilder("\n# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n"
                + "# Used TransferSyntax: Little Endian Explicit\n");
        try {
            writeElements(meta, 0, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sb.append('\n');
        write(ds, sb);
        return sb.toString();
    }

    private void writeElements(Attributes ds, int depth, Appendable out) throws IOException {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            String name = DcmtkText.name(dictionary, tag);
            // In Implicit VR the VR comes from the dictionary: DCMTK shows ?? where it has none.
            String vrName = vr == VR.UN && transferSyntax != null && !transferSyntax.explicitVR()
                    && dictionary.lookup(tag) == null ? "??" : vr.name();
            if (v instanceof Sequence seq) {
                writeSequence(tag, seq, name, depth, out);
                continue;
            }
            byte[] raw = v == null ? new byte[0] : ds.bytesAt(i);
            int length = raw.length + (raw.length & 1);
            if (raw.length == 0) {
                String empty = "(" + DcmtkText.tag(tag) + ") " + vrName + " (no value available)";
                line(out, depth, empty, empty.length(), "0", 0, name);
                continue;
            }
            String text;
            int width;
            int vm;
            if (vr.isText()) {
                String all = ds.valueAsString(i);
                vm = DcmtkText.vm(vr, all, raw.length);
                String shown = showPadding ? all : trimTrailingPadding(all);
                String uidName = vr == VR.UI ? DcmtkText.uidName(trimTrailingPadding(all)) : null;
                if (uidName != null) {
                    text = "=" + uidName;
                } else {
                    text = "[" + shown + "]";
                    if (shortenLongValues && text.length() > MAX_VALUE_WIDTH) {
                        text = text.substring(0, MAX_VALUE_WIDTH - 3) + "...";
                    }
                }
                width = text.length() + extraBytes(ds, vr, text, raw.length - all.length());
            } else {
                vm = DcmtkText.vm(vr, null, raw.length);
                text = DcmtkText.binary(raw, vr, shortenLongValues ? MAX_VALUE_WIDTH - 4 : -1);
                width = text.length();
            }
            line(out, depth, "(" + DcmtkText.tag(tag) + ") " + vrName + " " + text, width + 15, Integer.toString(length),
                    vm, name);
        }
    }

    /**
     * Bytes beyond one per character when the text is encoded in the data set's character set (UTF-8 etc.). Text that
     * was decoded with replacement characters (invalid ISO 2022 escapes) or with a fallback for unknown Defined Terms
     * cannot always be encoded back: then the received bytes give the width ({@code received}: their count minus the
     * decoded characters). Showing a value must never fail on what a peer sent.
     */
    private static int extraBytes(Attributes ds, VR vr, String text, int received) {
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= 0x80) {
                try {
                    return ds.characterSet().encode(text, vr).length - text.length();
                } catch (UnencodableCharacterException e) {
                    return Math.max(0, received);
                }
            }
        }
        return 0;
    }

    /** dcmdump without {@code -dc}-style raw display: trailing spaces and NULs are padding (PS3.5 6.2). */
    private static String trimTrailingPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private void writeSequence(int tag, Sequence seq, String name, int depth, Appendable out) throws IOException {
        SequenceLengths mode = sequenceLengths.apply(seq);
        if (mode == SequenceLengths.AS_RECEIVED) {
            mode = seq.undefinedLength() ? SequenceLengths.UNDEFINED : SequenceLengths.EXPLICIT;
        }
        boolean undefined = mode == SequenceLengths.UNDEFINED;
        String kind = undefined ? "undefined" : "explicit";
        boolean explicitVR = transferSyntax == null || transferSyntax.explicitVR();
        String seqLen = undefined ? "u/l" : mode == SequenceLengths.NOT_ENCODED ? "0"
                : Long.toString(DcmtkText.sequenceLength(seq, explicitVR, DcmtkText.AS_HELD));
        String head = "(" + DcmtkText.tag(tag) + ") SQ (Sequence with " + kind + " length #=" + seq.size() + ")";
        line(out, depth, head, head.length(), seqLen, 1, name);
        for (Attributes item : seq) {
            String itemLen = undefined ? "u/l" : mode == SequenceLengths.NOT_ENCODED ? "0"
                    : Long.toString(DcmtkText.itemLength(item, explicitVR, DcmtkText.AS_HELD));
            String itemHead = "(fffe,e000) na (Item with " + kind + " length #=" + item.size() + ")";
            line(out, depth + 1, itemHead, itemHead.length(), itemLen, 1, "Item");
            writeElements(item, depth + 2, out);
            String end = undefined ? "(fffe,e00d) na (ItemDelimitationItem)"
                    : "(fffe,e00d) na (ItemDelimitationItem for re-encoding)";
            line(out, depth + 1, end, end.length(), "0", 0, "ItemDelimitationItem");
        }
        String end = undefined ? "(fffe,e0dd) na (SequenceDelimitationItem)"
                : "(fffe,e0dd) na (SequenceDelimitationItem for re-encod.)";
        line(out, depth, end, end.length(), "0", 0, "SequenceDelimitationItem");
    }

    private static void line(Appendable out, int depth, String content, int width, String length, int vm,
            String name) throws IOException {
        for (int k = 0; k < depth; k++) {
            out.append("  ");
        }
        out.append(content);
        for (int k = width; k < VALUE_COLUMN; k++) {
            out.append(' ');
        }
        out.append(" # ");
        for (int k = length.length(); k < 3; k++) {
            out.append(' ');
        }
        out.append(length).append(',');
        String m = Integer.toString(vm);
        if (m.length() < 2) {
            out.append(' ');
        }
        out.append(m).append(' ').append(name).append('\n');
    }
}
