package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A data set as XML in the layout of DCMTK's dcm2xml (its dcm2xml.dtd, top-level element {@code data-set}), which
 * findscu's {@code -Xx} and {@code -Xs} write: {@code <element tag vr vm len name>value</element>},
 * {@code <sequence tag vr card len name>} with {@code <item card len>}; values with insignificant padding removed,
 * multiple values separated by backslash, binary values hidden ({@code binary="hidden"}, dcm2xml's default).
 * Text is written as Unicode in a UTF-8 document, and (0008,0005) then says ISO_IR 192, as findscu does for
 * {@code -Xs} (and we do for {@code -Xx} too).
 *
 * <p>Minimal stand-in written for the CLI while the project's XML writer (io.dicomfind.dicom.io) is not available.
 */
final class XmlDataSetWriter {
    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final EncodeOptions encodeOptions;

    XmlDataSetWriter(EncodeOptions encodeOptions) {
        this.encodeOptions = encodeOptions;
    }

    void write(Writer w, Attributes ds, TransferSyntax ts) throws IOException {
        w.write("<data-set xfer=\"" + ts.uid() + "\" name=\"" + esc(DumpPrinter.dcmtkName(ts)) + "\">\n");
        items(w, ds, ts);
        w.write("</data-set>\n");
    }

    private void items(Writer w, Attributes ds, TransferSyntax ts) throws IOException {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            String head = "tag=\"" + tagText(tag) + "\" vr=\"" + vr.name() + "\"";
            if (v instanceof Sequence seq) {
                long len = 0;
                for (Attributes item : seq) {
                    len += 8 + DataSetWriter.encodedLength(item, ts, encodeOptions);
                }
                w.write("<sequence " + head + " card=\"" + seq.size() + "\" len=\"" + len + "\" name=\""
                        + esc(name(tag)) + "\">\n");
                for (Attributes item : seq) {
                    w.write("<item card=\"" + item.size() + "\" len=\""
                            + DataSetWriter.encodedLength(item, ts, encodeOptions) + "\">\n");
                    items(w, item, ts);
                    w.write("</item>\n");
                }
                w.write("</sequence>\n");
                continue;
            }
            int len = ds.bytesAt(i).length;
            len += len & 1;
            String text = "";
            int vm = 0;
            String extra = "";
            if (len > 0) {
                if (vr.isText() || !isBulk(vr)) {
                    String[] values = tag == Tag.SpecificCharacterSet ? new String[] {"ISO_IR 192"}
                            : ds.getStrings(tag);
                    if (tag == Tag.SpecificCharacterSet) {
                        len = 10;
                    }
                    vm = values == null ? 0 : values.length;
                    text = values == null ? "" : String.join("\\", values);
                } else {
                    vm = 1;
                    extra = " binary=\"hidden\"";
                }
            }
            w.write("<element " + head + " vm=\"" + vm + "\" len=\"" + len + "\" name=\"" + esc(name(tag)) + "\""
                    + extra + ">" + esc(text) + "</element>\n");
        }
    }

    private static boolean isBulk(VR vr) {
        return vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV || vr == VR.UN;
    }

    private String name(int tag) {
        if (Tag.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        ElementDictionary.Entry e = dictionary.lookup(tag);
        if (e == null) {
            return Tag.isGroupLength(tag) ? "GenericGroupLength" : "Unknown Tag & Data";
        }
        return e.retired() ? "RETIRED_" + e.keyword() : e.keyword();
    }

    private static String tagText(int tag) {
        return String.format(Locale.ROOT, "%04x,%04x", Tag.group(tag), Tag.element(tag));
    }

    /** XML character escaping; characters XML 1.0 cannot carry (controls other than TAB/LF/CR) become '?'. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '?' : c);
            }
        }
        return sb.toString();
    }
}
