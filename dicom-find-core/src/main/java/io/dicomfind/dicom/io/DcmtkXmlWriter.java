package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DCMTK's own XML format, as written by {@code dcm2xml} (default {@code -dtk} format) and by findscu's {@code -Xx}
 * (one document per response) and {@code -Xs FILE} (all responses in {@code <responses type="C-FIND">}), so that
 * scripts written for findscu read our files unchanged:
 * <pre>
 * &lt;?xml version="1.0" encoding="ISO-8859-1"?&gt;
 * &lt;data-set xfer="1.2.840.10008.1.2.1" name="Little Endian Explicit"&gt;
 * &lt;element tag="0010,0010" vr="PN" vm="1" len="16" name="PatientName"&gt;VIVALDI^ANTONIO&lt;/element&gt;
 * &lt;sequence tag="0040,0100" vr="SQ" card="1" len="44" name="ScheduledProcedureStepSequence"&gt;
 * &lt;item card="3" len="36"&gt; ... &lt;/item&gt;
 * &lt;/sequence&gt;
 * &lt;/data-set&gt;
 * </pre>
 * Facts reproduced (observed with DCMTK 3.6.7): no indentation; lower case tags; {@code len} is the even, padded
 * value length; {@code vm="0" len="0"} and no content for empty values; text values without leading and trailing
 * spaces (only trailing for LT, ST, UT, UR); OB, OW and UN as {@code binary="hidden"} with no content; binary
 * numbers in decimal separated by backslash; markup characters as entities; the XML declaration names the encoding
 * of (0008,0005) (UTF-8 for ISO_IR 192, and in dcm2xml's file format also for a data set without (0008,0005);
 * ISO-8859-n for the ISO_IR single-byte sets) and is left without encoding for the sets DCMTK 3.6.7 cannot name, for
 * an empty (0008,0005), and in findscu's {@code -Xx} documents for a missing one; without a declared encoding,
 * non-ASCII bytes and control characters (ISO 2022 escapes) are written as {@code &#nnn;}. With {@link #convertToUtf8(boolean)} (findscu {@code -Xs}, dcm2xml {@code +U8}) values are
 * converted to UTF-8, (0008,0005) becomes (or, if missing, is added as) {@code ISO_IR 192}, and lengths are those
 * of the converted values.
 *
 * <p>Sequence and item lengths are computed as explicit lengths for the transfer syntax; DCMTK shows the lengths it
 * received, and omits {@code len} for undefined lengths ({@link #undefinedSequenceLengths(boolean)} for all,
 * {@link #sequenceLengthsAsReceived(boolean)} for those that arrived so).
 */
public final class DcmtkXmlWriter {
    private static final Map<String, String> XML_ENCODINGS = Map.ofEntries(
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("ISO_IR 6", "UTF-8"));
    private static final byte[] UTF8_CHARSET = "ISO_IR 192".getBytes(StandardCharsets.US_ASCII);

    private final TransferSyntax transferSyntax;
    private boolean writeNames = true;
    private boolean convertToUtf8;
    private boolean undefinedSequenceLengths;
    private boolean sequenceLengthsAsReceived;
    private ElementDictionary dictionary = ElementDictionary.standard();

    /** @param transferSyntax the syntax the data set was received or read in: {@code xfer} and lengths */
    public DcmtkXmlWriter(TransferSyntax transferSyntax) {
        this.transferSyntax = transferSyntax;
    }

    /** dcm2xml {@code +Wn} (default, true) / {@code -Wn}: the {@code name} attribute. */
    public DcmtkXmlWriter writeNames(boolean b) {
        this.writeNames = b;
        return this;
    }

    /** dcm2xml {@code +U8}; what findscu {@code -Xs} does. */
    public DcmtkXmlWriter convertToUtf8(boolean b) {
        this.convertToUtf8 = b;
        return this;
    }

    /** Leave out {@code len} of sequences and items, as DCMTK does for those it read with undefined length. */
    public DcmtkXmlWriter undefinedSequenceLengths(boolean b) {
        this.undefinedSequenceLengths = b;
        return this;
    }

    /**
     * Leave out {@code len} only of the sequences (and their items) that arrived with undefined length
     * ({@link Sequence#undefinedLength()}), as DCMTK does for a data set it decoded, e.g. findscu's {@code -Xx} and
     * {@code -Xs} of received responses. The data model keeps the flag per sequence, so items follow their sequence.
     */
    public DcmtkXmlWriter sequenceLengthsAsReceived(boolean b) {
        this.sequenceLengthsAsReceived = b;
        return this;
    }

    public DcmtkXmlWriter dictionary(ElementDictionary dict) {
        this.dictionary = dict;
        return this;
    }

    /** One findscu {@code -Xx} response file: declaration and {@code <data-set>}. The stream is not closed. */
    public void writeDataSetDocument(Attributes ds, OutputStream out) throws IOException {
        Buf b = new Buf(out, documentEncoding(ds, false));
        b.declaration();
        dataSet(b, ds, transferSyntax);
        b.flush();
    }

    /** What {@code dcm2xml} writes for a Part-10 file: {@code <file-format>} with meta header and data set. */
    public void writeFileFormat(Attributes meta, Attributes ds, OutputStream out) throws IOException {
        Buf b = new Buf(out, documentEncoding(ds, true));
        b.declaration();
        b.ascii("<file-format>\n<meta-header xfer=\"1.2.840.10008.1.2.1\" name=\"Little Endian Explicit\">\n");
        elements(b, meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        b.ascii("</meta-header>\n");
        dataSet(b, ds, transferSyntax);
        b.ascii("</file-format>\n");
        b.flush();
    }

    /**
     * Starts a findscu {@code -Xs} file: UTF-8, {@code <responses type="C-FIND">}, one {@code <data-set>} per
     * {@link Responses#add}; {@link Responses#close()} ends the document and closes the stream.
     */
    public static Responses openResponses(OutputStream out, String type) throws IOException {
        return new Responses(out, type);
    }

    /** The responses of one association in one document (findscu {@code -Xs}). */
    public static final class Responses implements Closeable {
        private final OutputStream out;
        private boolean closed;

        private Responses(OutputStream out, String type) throws IOException {
            this.out = out;
            Buf b = new Buf(out, "UTF-8");
            b.declaration();
            b.ascii("<responses type=\"");
            byte[] t = type.getBytes(StandardCharsets.UTF_8);
            b.text(t, 0, t.length);
            b.ascii("\">\n");
            b.flush();
        }

        /** Appends a response converted to UTF-8, as findscu {@code -Xs} does. */
        public void add(Attributes ds, TransferSyntax ts) throws IOException {
            add(ds, new DcmtkXmlWriter(ts));
        }

        /** Appends a response written with {@code writer}'s options, converted to UTF-8. */
        public void add(Attributes ds, DcmtkXmlWriter writer) throws IOException {
            if (closed) {
                throw new IOException("responses document already closed");
            }
            boolean saved = writer.convertToUtf8;
            writer.convertToUtf8 = true;
            try {
                Buf b = new Buf(out, "UTF-8");
                // findscu -Xs converts, but unlike dcm2xml +U8 does not add (0008,0005) where it was missing
                writer.dataSet(b, ds, writer.transferSyntax, false);
                b.flush();
            } finally {
                writer.convertToUtf8 = saved;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.write("</responses>\n".getBytes(StandardCharsets.US_ASCII));
                out.close();
            }
        }
    }

    /**
     * The encoding the declaration names; null for character sets DCMTK 3.6.7 cannot name.
     *
     * @param absentMeansUtf8 dcm2xml declares UTF-8 for a data set without (0008,0005) (the default repertoire is
     *                        a subset); findscu {@code -Xx} declares nothing then (both observed with DCMTK 3.6.7)
     */
    private String documentEncoding(Attributes ds, boolean absentMeansUtf8) {
        if (convertToUtf8) {
            return "UTF-8";
        }
        String[] terms = ds.getStrings(Tag.SpecificCharacterSet);
        if (terms == null || terms.length == 0) {
            // present but empty: DCMTK names no encoding
            return absentMeansUtf8 && !ds.contains(Tag.SpecificCharacterSet) ? "UTF-8" : null;
        }
        return terms.length == 1 ? XML_ENCODINGS.get(terms[0].trim()) : null;
    }

    private void dataSet(Buf b, Attributes ds, TransferSyntax ts) throws IOException {
        // dcm2xml's conversion to UTF-8 declares it in the data set, adding (0008,0005) where it was missing.
        dataSet(b, ds, ts, true);
    }

    private void dataSet(Buf b, Attributes ds, TransferSyntax ts, boolean addMissingCharacterSet)
            throws IOException {
        b.converted = convertToUtf8;
        b.ascii("<data-set xfer=\"" + (ts == null ? "" : ts.uid()) + "\" name=\""
                + DcmtkText.transferSyntaxName(ts) + "\">\n");
        elements(b, ds, ts, addMissingCharacterSet && convertToUtf8 && !ds.contains(Tag.SpecificCharacterSet), 0);
        b.ascii("</data-set>\n");
    }

    private DcmtkText.ValueBytes valueBytes() {
        if (!convertToUtf8) {
            return DcmtkText.AS_HELD;
        }
        return (ds, i) -> {
            VR vr = ds.vrAt(i);
            if (ds.tagAt(i) == Tag.SpecificCharacterSet && ds.valueAt(i) != null) {
                return UTF8_CHARSET;
            }
            if (vr.isText() && vr.usesSpecificCharacterSet() && ds.valueAt(i) != null) {
                return ds.valueAsString(i).getBytes(StandardCharsets.UTF_8);
            }
            return ds.bytesAt(i);
        };
    }

    private void elements(Buf b, Attributes ds, TransferSyntax ts) throws IOException {
        elements(b, ds, ts, false, 0);
    }

    private void elements(Buf b, Attributes ds, TransferSyntax ts, boolean addUtf8CharacterSet, int nesting)
            throws IOException {
        DcmtkText.ValueBytes bytes = valueBytes();
        boolean explicitVR = ts == null || ts.explicitVR();
        boolean pending = addUtf8CharacterSet;
        for (int i = 0, n = ds.size(); i <= n; i++) {
            if (pending && (i == n || Integer.compareUnsigned(ds.tagAt(i), Tag.SpecificCharacterSet) > 0)) {
                pending = false;
                b.ascii("<element tag=\"0008,0005\" vr=\"CS\" vm=\"1\" len=\"10\"");
                name(b, Tag.SpecificCharacterSet);
                b.ascii(">ISO_IR 192</element>\n");
            }
            if (i == n) {
                break;
            }
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                OutputLimits.checkDepth(nesting + 1, tag);
                boolean noLength = undefinedSequenceLengths || sequenceLengthsAsReceived && seq.undefinedLength();
                b.ascii("<sequence tag=\"" + DcmtkText.tag(tag) + "\" vr=\"SQ\" card=\"" + seq.size() + "\"");
                if (!noLength) {
                    b.ascii(" len=\"" + DcmtkText.sequenceLength(seq, explicitVR, bytes) + "\"");
                }
                name(b, tag);
                b.ascii(">\n");
                for (Attributes item : seq) {
                    b.ascii("<item card=\"" + item.size() + "\"");
                    if (!noLength) {
                        b.ascii(" len=\"" + DcmtkText.itemLength(item, explicitVR, bytes) + "\"");
                    }
                    b.ascii(">\n");
                    elements(b, item, ts, false, nesting + 1);
                    b.ascii("</item>\n");
                }
                b.ascii("</sequence>\n");
                continue;
            }
            byte[] raw = v == null ? new byte[0] : bytes.of(ds, i);
            String text = raw == UTF8_CHARSET ? "ISO_IR 192" // converted: one term, whatever was received
                    : vr.isText() && raw.length > 0 ? ds.valueAsString(i) : null;
            int vm = DcmtkText.vm(vr, text, raw.length);
            // DCMTK's normalisation: padding and surrounding spaces go; LT, ST, UT, UR keep leading spaces
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == 0)) {
                end--;
            }
            int start = 0;
            if (!vr.isSingleValuedText()) {
                while (start < end && raw[start] == ' ') {
                    start++;
                }
            }
            // XML 1.0 cannot carry this value (a control character, ISO 2022 escapes, bytes invalid in the
            // document's encoding): the value as held in base64, in DCMTK's notation for binary data (dcm2xml
            // +Wb), so that the document parses and nothing is lost (docs/robustness.md)
            byte[] base64 = vr.isText() && raw.length > 0 && raw != UTF8_CHARSET && !b.carries(ds, i, raw, start, end)
                    ? ds.bytesAt(i) : null;
            int len = base64 != null ? base64.length + (base64.length & 1) : raw.length + (raw.length & 1);
            b.ascii("<element tag=\"" + DcmtkText.tag(tag) + "\" vr=\"" + vr + "\" vm=\"" + vm + "\" len=\"" + len
                    + "\"");
            name(b, tag);
            if (vr == VR.OB || vr == VR.OW || vr == VR.UN) {
                b.ascii(" binary=\"hidden\"></element>\n");
                continue;
            }
            if (base64 != null) {
                b.ascii(" binary=\"base64\">");
                b.base64(base64);
                b.ascii("</element>\n");
                continue;
            }
            b.ascii(">");
            if (raw.length > 0) {
                if (vr.isText()) {
                    b.text(raw, start, end);
                } else {
                    b.ascii(DcmtkText.binary(raw, vr, -1));
                }
            }
            b.ascii("</element>\n");
        }
    }

    private void name(Buf b, int tag) throws IOException {
        if (writeNames) {
            b.ascii(" name=\"");
            byte[] n = DcmtkText.name(dictionary, tag).getBytes(StandardCharsets.US_ASCII);
            b.text(n, 0, n.length);
            b.ascii("\"");
        }
    }

    /** The document, streamed as bytes: values keep their encoding, markup is ASCII. */
    private static final class Buf {
        private final OutputStream bytes;
        private final String encoding;
        private final Charset charset;
        /** Values are converted to UTF-8 (dcm2xml +U8, findscu -Xs). */
        private boolean converted;

        Buf(OutputStream target, String encoding) {
            this.bytes = new BufferedOutputStream(new FilterOutputStream(target) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len); // FilterOutputStream's own writes byte by byte
                }

                @Override
                public void close() {
                    // the caller's stream: flushed, never closed here
                }
            }, 1 << 16);
            this.encoding = encoding;
            this.charset = encoding == null ? null : Charset.forName(encoding);
        }

        void declaration() throws IOException {
            ascii(encoding == null ? "<?xml version=\"1.0\"?>\n"
                    : "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n");
        }

        void ascii(String s) throws IOException {
            bytes.write(s.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Whether the value at {@code i}, written as {@code raw}, is XML 1.0 character data in this document's
         * encoding (XML 1.0 2.2): undeclared, no control byte other than TAB, LF, CR (other bytes become
         * references); declared, the bytes decode strictly to XML characters. A value converted to UTF-8 is also
         * refused if it did not decode in its own character set (U+FFFD), as its bytes would be lost.
         */
        boolean carries(Attributes ds, int i, byte[] raw, int from, int to) {
            boolean plain = true;
            for (int k = from; k < to; k++) {
                int c = raw[k] & 0xFF;
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
                plain &= c < 0x80;
            }
            if (plain || charset == null) {
                return true;
            }
            if (converted && ds.vrAt(i).usesSpecificCharacterSet() && !XmlChars.carries(ds.valueAsString(i))) {
                return false;
            }
            try {
                CharBuffer decoded = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, from, to - from));
                return XmlChars.carries(decoded.toString());
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        void base64(byte[] b) throws IOException {
            Writer w = new OutputStreamWriter(bytes, StandardCharsets.US_ASCII);
            XmlChars.base64(b, w);
            w.flush();
        }

        /** Escapes markup (XML 1.0 2.4) and, when the encoding is undeclared, every non-ASCII or control byte. */
        void text(byte[] raw, int from, int to) throws IOException {
            for (int k = from; k < to; k++) {
                int c = raw[k] & 0xFF;
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '"' -> ascii("&quot;");
                    case '\'' -> ascii("&apos;");
                    case '\r' -> ascii("&#13;");
                    case '\n' -> ascii("&#10;");
                    default -> {
                        // undeclared encoding: DCMTK writes non-ASCII bytes and control characters (TAB) as
                        // references, so that the document itself stays ASCII
                        if ((c >= 0x80 || c < 0x20) && encoding == null) {
                            ascii("&#" + c + ";");
                        } else {
                            bytes.write(c);
                        }
                    }
                }
            }
        }

        void flush() throws IOException {
            bytes.flush();
        }
    }
}
