package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a data set in the Native DICOM Model of PS3.19 A.1, streaming:
 * <pre>
 * &lt;NativeDicomModel xml:space="preserve"&gt;
 * &lt;DicomAttribute tag="00100010" vr="PN" keyword="PatientName"&gt;
 * &lt;PersonName number="1"&gt;&lt;Alphabetic&gt;&lt;FamilyName&gt;Doe&lt;/FamilyName&gt;...
 * </pre>
 * Layout as DCMTK's {@code dcm2xml -nat}: one XML element per line, no indentation. Values are {@code <Value
 * number="n">} (an empty value of a multi-valued element is an empty {@code Value}), person names
 * {@code <PersonName>} with their component groups and components, sequence items {@code <Item number="n">},
 * OB/OD/OF/OL/OV/OW/UN {@code <InlineBinary>} base64, AT values 8 hex digits, numbers in decimal. A private
 * element names its creator in {@code privateCreator} when the data set holds it (PS3.19 A.1.6). The document is
 * UTF-8 (A.1: the default); text is decoded with the data set's Specific Character Set, and (0008,0005) is copied.
 */
public final class NativeXmlWriter {
    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final Writer out;
    private ElementDictionary dictionary = ElementDictionary.standard();

    public NativeXmlWriter(Writer out) {
        this.out = out;
    }

    public NativeXmlWriter dictionary(ElementDictionary dict) {
        this.dictionary = dict;
        return this;
    }

    public static String toXml(Attributes ds) {
        StringWriter sw = new StringWriter();
        try {
            new NativeXmlWriter(sw).writeDataSet(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Writes the document in UTF-8; the stream is flushed, not closed. */
    public static void write(Attributes ds, OutputStream os) throws IOException {
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        new NativeXmlWriter(w).writeDataSet(ds);
        w.flush();
    }

    /** One complete document: declaration, {@code <NativeDicomModel>} and the data set. */
    public void writeDataSet(Attributes ds) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NativeDicomModel xml:space=\"preserve\">\n");
        attributes(ds, 0);
        out.write("</NativeDicomModel>\n");
        out.flush();
    }

    private void attributes(Attributes ds, int nesting) throws IOException {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (Tag.isGroupLength(tag)) {
                continue; // PS3.19 A.1.1: group lengths are not represented
            }
            VR vr = ds.vrAt(i);
            out.write("<DicomAttribute tag=\"" + String.format("%08X", tag) + "\" vr=\"" + vr + "\"");
            if (Tag.isPrivate(tag)) {
                String creator = Tag.isPrivateCreator(tag) ? null
                        : ds.getString((tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF));
                if (creator != null) {
                    out.write(" privateCreator=\"");
                    text(creator);
                    out.write("\"");
                }
            } else {
                String keyword = dictionary.keywordOf(tag);
                if (keyword != null && !keyword.isEmpty()) {
                    out.write(" keyword=\"" + keyword + "\"");
                }
            }
            out.write(">\n");
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                OutputLimits.checkDepth(nesting + 1, tag);
                int k = 0;
                for (Attributes item : seq) {
                    out.write("<Item number=\"" + ++k + "\">\n");
                    attributes(item, nesting + 1);
                    out.write("</Item>\n");
                }
            } else if (v != null) {
                value(ds, i, vr);
            }
            out.write("</DicomAttribute>\n");
        }
    }

    private void value(Attributes ds, int i, VR vr) throws IOException {
        switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> {
                inlineBinary(ds.bytesAt(i));
                return;
            }
            default -> { }
        }
        if (vr.isText()) {
            String all = ds.valueAsString(i);
            if (all == null || all.isEmpty()) {
                return;
            }
            if (!XmlChars.carries(all)) {
                // A value XML 1.0 cannot carry (a control character, or bytes invalid in its character set): the
                // RELAX NG schema of PS3.19 A.1 lets any DicomAttribute hold InlineBinary; the bytes are the value
                // as held, in the data set's Specific Character Set, so that nothing is lost (docs/robustness.md).
                inlineBinary(ds.bytesAt(i));
                return;
            }
            if (all.indexOf('\\') < 0 || vr.isSingleValuedText()) {
                boolean[] blank = {true};
                ds.forEachString(i, p -> blank[0] = p.isEmpty());
                if (blank[0]) {
                    return;
                }
            }
            int[] k = {0};
            ds.forEachString(i, p -> {
                int number = ++k[0];
                if (vr == VR.PN) {
                    personName(number, p);
                } else {
                    out.write("<Value number=\"" + number + "\">");
                    text(p);
                    out.write("</Value>\n");
                }
            });
            return;
        }
        byte[] b = ds.bytesAt(i);
        int unit = vr.unit();
        for (int off = 0, k = 1; off + unit <= b.length; off += unit, k++) {
            String s = switch (vr) {
                case AT -> String.format("%04X%04X", ByteOrder.getShortLE(b, off), ByteOrder.getShortLE(b, off + 2));
                case FL -> Float.toString(Float.intBitsToFloat(ByteOrder.getIntLE(b, off)));
                case FD -> Double.toString(Double.longBitsToDouble(ByteOrder.getLongLE(b, off)));
                default -> {
                    byte[] one = new byte[unit];
                    System.arraycopy(b, off, one, 0, unit);
                    yield io.dicomfind.dicom.data.BinaryValues.format(one, vr);
                }
            };
            out.write("<Value number=\"" + k + "\">" + s + "</Value>\n");
        }
    }

    private void inlineBinary(byte[] b) throws IOException {
        if (b.length > 0) {
            out.write("<InlineBinary>");
            XmlChars.base64(b, out);
            out.write("</InlineBinary>\n");
        }
    }

    private void personName(int number, String value) throws IOException {
        out.write("<PersonName number=\"" + number + "\">\n");
        String[] groups = value.split("=", -1);
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            out.write("<" + GROUPS[g] + ">\n");
            String[] comps = groups[g].split("\\^", -1);
            for (int c = 0; c < Math.min(5, comps.length); c++) {
                if (!comps[c].isEmpty()) {
                    out.write("<" + COMPONENTS[c] + ">");
                    text(comps[c]);
                    out.write("</" + COMPONENTS[c] + ">\n");
                }
            }
            out.write("</" + GROUPS[g] + ">\n");
        }
        out.write("</PersonName>\n");
    }

    /**
     * Character data: markup escaped (XML 1.0 2.4). Values reach here only if {@link XmlChars#carries} them; a
     * private creator that XML cannot carry (in an attribute) gets U+FFFD for the characters it cannot.
     */
    private void text(String s) throws IOException {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write("&quot;");
                case '\'' -> out.write("&apos;");
                case '\r' -> out.write("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && k + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(k + 1))) {
                        out.write(c);
                        out.write(s.charAt(++k));
                    } else if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF
                            || Character.isSurrogate(c)) {
                        out.write('\uFFFD');
                    } else {
                        out.write(c);
                    }
                }
            }
        }
    }
}
