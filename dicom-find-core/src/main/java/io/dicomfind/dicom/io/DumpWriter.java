package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.SafeText;
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
    /**
     * The default cap on the characters of one value shown when long values are not shortened: far above any value
     * of a C-FIND identifier, small enough that one line of a dump stays a line (docs/robustness.md, "Output").
     */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 64 * 1024;

    private final TransferSyntax transferSyntax;
    private boolean showPadding;
    private boolean shortenLongValues = true;
    private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
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

    /** true (default): long values shortened to 70 columns with {@code ...}, as dcmdump {@code -L} does. */
    public DumpWriter shortenLongValues(boolean b) {
        this.shortenLongValues = b;
        return this;
    }

    /**
     * When long values are not shortened ({@code shortenLongValues(false)}, dcmdump {@code +L}), the most
     * characters of one value shown (the value field, brackets included); a longer value is cut there and ends with
     * {@code ...}, and {@link #write(Attributes, DumpLineSink)} reports it. 0: no cap (a line as long as the value).
     */
    public DumpWriter maxValueLength(int chars) {
        if (chars < 0 || chars > 0 && chars < 8) {
            throw new IllegalArgumentException("maximum value length must be 0 (no limit) or at least 8: " + chars);
        }
        this.maxValueLength = chars;
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
        write(ds, appending(out));
    }

    /**
     * Writes the dump line by line to {@code sink}, element by element: the header lines, then one line per element
     * (sequences with their item and delimitation lines). Memory stays bounded by one line, itself bounded by
     * {@link #maxValueLength(int)}.
     *
     * @return the values this dump showed shortened to {@link #maxValueLength(int)}, or null if none was
     */
    public Shortened write(Attributes ds, DumpLineSink sink) {
        Run run = new Run(sink);
        run.emit("# Dicom-Data-Set");
        run.emit("# Used TransferSyntax: " + DcmtkText.transferSyntaxName(transferSyntax));
        writeElements(ds, 0, run);
        return run.shortened();
    }

    /**
     * What {@code dcmdump} prints for a Part-10 file: {@code # Dicom-File-Format}, the meta header (always Explicit VR
     * Little Endian, PS3.10 7.1) and the data set.
     */
    public String dumpFile(Attributes meta, Attributes ds) {
        StringBuilder sb = new StringBuilder();
        Run run = new Run(appending(sb));
        for (String head : new String[] {"", "# Dicom-File-Format", "", "# Dicom-Meta-Information-Header",
                "# Used TransferSyntax: Little Endian Explicit"}) {
            run.emit(head);
        }
        writeElements(meta, 0, run);
        run.emit("");
        write(ds, sb);
        return sb.toString();
    }

    /**
     * Values shown shortened by the {@link #maxValueLength(int)} cap in one dump: how many, the first one's element
     * in findscu's {@code -k} path syntax (e.g. {@code (0040,0100)[0].(0011,1000)}), and the cap.
     */
    public record Shortened(int count, String firstElement, int limit) {
    }

    private static DumpLineSink appending(Appendable out) {
        return line -> {
            try {
                out.append(line).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** One dump in progress: the sink, a reused line buffer, the element path and what was shortened. */
    private static final class Run {
        final DumpLineSink sink;
        final StringBuilder line = new StringBuilder(128);
        final StringBuilder value = new StringBuilder(128);
        final int[] path = new int[2 * (OutputLimits.MAX_DEPTH + 1)];
        int nesting;
        int shortenedCount;
        String firstShortened;
        int limit;

        Run(DumpLineSink sink) {
            this.sink = sink;
        }

        void emit(CharSequence s) {
            sink.line(s);
        }

        void noteShortened(int tag, int cap) {
            if (shortenedCount++ == 0) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < nesting; k++) {
                    sb.append('(').append(DcmtkText.tag(path[2 * k])).append(")[").append(path[2 * k + 1])
                            .append("].");
                }
                firstShortened = sb.append('(').append(DcmtkText.tag(tag)).append(')').toString();
                limit = cap;
            }
        }

        Shortened shortened() {
            return shortenedCount == 0 ? null : new Shortened(shortenedCount, firstShortened, limit);
        }
    }

    private void writeElements(Attributes ds, int depth, Run run) {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            String name = DcmtkText.name(dictionary, tag);
            // In Implicit VR the VR comes from the dictionary: DCMTK shows ?? where it has none.
            String vrName = vr == VR.UN && transferSyntax != null && !transferSyntax.explicitVR()
                    && dictionary.lookup(tag) == null ? "??" : vr.name();
            if (v instanceof Sequence seq) {
                writeSequence(tag, seq, name, depth, run);
                continue;
            }
            byte[] raw = v == null ? new byte[0] : ds.bytesAt(i);
            int length = raw.length + (raw.length & 1);
            StringBuilder text = run.value;
            text.setLength(0);
            text.append('(').append(DcmtkText.tag(tag)).append(") ").append(vrName);
            if (raw.length == 0) {
                text.append(" (no value available)");
                line(run, depth, text, text.length(), "0", 0, name);
                continue;
            }
            text.append(' ');
            int head = text.length();
            int cap = shortenLongValues ? MAX_VALUE_WIDTH : maxValueLength;
            int width;
            int vm;
            if (vr.isText()) {
                String all = ds.valueAsString(i);
                vm = DcmtkText.vm(vr, all, raw.length);
                String uidName = vr == VR.UI ? DcmtkText.uidName(trimTrailingPadding(all)) : null;
                boolean complete = true;
                if (uidName != null) {
                    text.append('=').append(uidName);
                } else {
                    complete = appendText(text, all, raw, vr, cap);
                }
                int shown = text.length() - head;
                if (uidName == null && cap > 0 && (!complete || shown > cap)) {
                    text.setLength(head + Math.min(shown, cap - 3));
                    text.append("...");
                    if (!shortenLongValues) {
                        run.noteShortened(tag, cap);
                    }
                }
                width = text.length() - head + extraBytes(ds, vr, text, head, raw.length - all.length());
            } else {
                vm = DcmtkText.vm(vr, null, raw.length);
                String numbers = DcmtkText.binary(raw, vr, cap > 0 ? cap - 4 : -1);
                if (!shortenLongValues && cap > 0 && numbers.endsWith("...")) {
                    run.noteShortened(tag, cap);
                }
                text.append(numbers);
                width = numbers.length();
            }
            line(run, depth, text, width + 15, Integer.toString(length), vm, name);
        }
    }

    /**
     * {@code [value]}, peer text escaped ({@link SafeText}); a value that did not decode in its character set
     * (U+FFFD in the decoded text) is shown as its bytes. At most {@code cap} + 1 characters of the value are
     * appended when {@code cap} &gt; 0: enough for the caller to see that it is longer.
     *
     * @return false if the value was not appended in full
     */
    private boolean appendText(StringBuilder text, String all, byte[] raw, VR vr, int cap) {
        text.append('[');
        int room = cap > 0 ? cap : Integer.MAX_VALUE;
        if (all.indexOf('\uFFFD') >= 0) {
            int end = raw.length;
            if (!showPadding) {
                while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == 0)) {
                    end--;
                }
            }
            boolean complete = SafeText.appendBytes(text, raw, 0, end, cap > 0 ? cap : -1) == end;
            if (complete) {
                text.append(']');
            }
            return complete;
        }
        int end = showPadding ? all.length() : trimmedEnd(all);
        int take = (int) Math.min(end, (long) room);
        // the one NUL PS3.5 6.2 allows: the padding of a UI value, shown as received (as findscu does)
        boolean nulPadding = vr == VR.UI && take == end && end > 0 && all.charAt(end - 1) == '\0';
        SafeText.appendEscaped(text, all, 0, nulPadding ? take - 1 : take, vr.isSingleValuedText() || vr == VR.UC);
        if (nulPadding) {
            text.append('\0');
        }
        if (take == end) {
            text.append(']');
        }
        return take == end;
    }

    /**
     * Bytes beyond one per character when the text is encoded in the data set's character set (UTF-8 etc.). Text that
     * was decoded with replacement characters (invalid ISO 2022 escapes) or with a fallback for unknown Defined Terms
     * cannot always be encoded back: then the received bytes give the width ({@code received}: their count minus the
     * decoded characters). Showing a value must never fail on what a peer sent.
     */
    private static int extraBytes(Attributes ds, VR vr, StringBuilder line, int from, int received) {
        for (int k = from; k < line.length(); k++) {
            if (line.charAt(k) >= 0x80) {
                String text = line.substring(from);
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
        return s.substring(0, trimmedEnd(s));
    }

    private static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return end;
    }

    private void writeSequence(int tag, Sequence seq, String name, int depth, Run run) {
        OutputLimits.checkDepth(run.nesting + 1, tag);
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
        line(run, depth, head, head.length(), seqLen, 1, name);
        int index = 0;
        for (Attributes item : seq) {
            String itemLen = undefined ? "u/l" : mode == SequenceLengths.NOT_ENCODED ? "0"
                    : Long.toString(DcmtkText.itemLength(item, explicitVR, DcmtkText.AS_HELD));
            String itemHead = "(fffe,e000) na (Item with " + kind + " length #=" + item.size() + ")";
            line(run, depth + 1, itemHead, itemHead.length(), itemLen, 1, "Item");
            run.path[2 * run.nesting] = tag;
            run.path[2 * run.nesting + 1] = index++;
            run.nesting++;
            try {
                writeElements(item, depth + 2, run);
            } finally {
                run.nesting--;
            }
            String end = undefined ? "(fffe,e00d) na (ItemDelimitationItem)"
                    : "(fffe,e00d) na (ItemDelimitationItem for re-encoding)";
            line(run, depth + 1, end, end.length(), "0", 0, "ItemDelimitationItem");
        }
        String end = undefined ? "(fffe,e0dd) na (SequenceDelimitationItem)"
                : "(fffe,e0dd) na (SequenceDelimitationItem for re-encod.)";
        line(run, depth, end, end.length(), "0", 0, "SequenceDelimitationItem");
    }

    private static void line(Run run, int depth, CharSequence content, int width, String length, int vm,
            String name) {
        StringBuilder out = run.line;
        out.setLength(0);
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
        if (vm < 10) {
            out.append(' ');
        }
        out.append(vm).append(' ').append(name);
        run.emit(out);
    }
}
