package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.util.Locale;

/**
 * The data set listing findscu writes to its log ("Request Identifiers:", "Find Response: n"), in the layout of
 * DCMTK's dcmdump: {@code (gggg,eeee) VR value}, padded so that {@code #} stands in column 56 (plus 2 per nesting
 * level), then {@code # length, VM name}. Sequences and items are shown with explicit lengths and DCMTK's
 * "for re-encoding" delimiters, which is how DCMTK shows data it received with explicit lengths.
 *
 * <p>Limitations (documented in docs/findscu.md): lengths are those of our encoding in the given transfer syntax
 * (DCMTK shows the lengths it read, 0 for sequences it built from {@code -k}); values are shown in full (DCMTK
 * shortens values longer than 64 characters in some builds).
 */
final class DumpPrinter {
    private static final int HASH_COLUMN = 56;

    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final TransferSyntax ts;
    private final EncodeOptions encodeOptions;

    DumpPrinter(TransferSyntax ts, EncodeOptions encodeOptions) {
        this.ts = ts;
        this.encodeOptions = encodeOptions;
    }

    /** The listing, starting and ending with an empty line as findscu's log shows it. */
    String print(Attributes ds, String transferSyntaxName) {
        StringBuilder sb = new StringBuilder();
        sb.append('\n');
        sb.append("# Dicom-Data-Set\n");
        sb.append("# Used TransferSyntax: ").append(transferSyntaxName).append('\n');
        items(sb, ds, 0);
        sb.append('\n');
        return sb.toString();
    }

    /** DCMTK's names of the transfer syntaxes in the "Used TransferSyntax" line. */
    static String dcmtkName(TransferSyntax ts) {
        if (ts == null) {
            return "Unknown Transfer Syntax";
        }
        if (ts.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            return "Little Endian Implicit";
        }
        if (ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            return "Little Endian Explicit";
        }
        if (ts.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)) {
            return "Big Endian Explicit";
        }
        if (ts.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            return "Deflated Explicit VR Little Endian";
        }
        return ts.name();
    }

    private void items(StringBuilder sb, Attributes ds, int depth) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                long len = 0;
                for (Attributes item : seq) {
                    len += 8 + length(item);
                }
                line(sb, depth, tag, "SQ", "(Sequence with explicit length #=" + seq.size() + ")", len, 1);
                for (Attributes item : seq) {
                    line(sb, depth + 1, Tag.Item, "na", "(Item with explicit length #=" + item.size() + ")",
                            length(item), 1, "Item");
                    items(sb, item, depth + 2);
                    line(sb, depth + 1, Tag.ItemDelimitationItem, "na", "(ItemDelimitationItem for re-encoding)", 0,
                            0, "ItemDelimitationItem");
                }
                line(sb, depth, Tag.SequenceDelimitationItem, "na", "(SequenceDelimitationItem for re-encod.)", 0, 0,
                        "SequenceDelimitationItem");
                continue;
            }
            byte[] bytes = ds.bytesAt(i);
            if (bytes.length == 0) {
                line(sb, depth, tag, vr.name(), "(no value available)", 0, 0);
                continue;
            }
            String text;
            int vm;
            if (vr.isText()) {
                String s = ds.valueAsString(i);
                if (vr == VR.UI) {
                    s = stripTrailingNul(s);
                }
                text = "[" + s + "]";
                vm = vr.isSingleValuedText() ? 1 : count(s, '\\') + 1;
            } else if (vr == VR.OB || vr == VR.UN || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL
                    || vr == VR.OV) {
                text = hex(bytes, vr == VR.OW ? 2 : 1);
                vm = 1;
            } else {
                String s = ds.valueAsString(i);
                text = s == null ? "" : s;
                vm = s == null ? 0 : count(s, '\\') + 1;
            }
            line(sb, depth, tag, vr.name(), text, bytes.length + (bytes.length & 1), vm);
        }
    }

    private long length(Attributes item) {
        return DataSetWriter.encodedLength(item, ts, encodeOptions);
    }

    private void line(StringBuilder sb, int depth, int tag, String vr, String value, long len, int vm) {
        line(sb, depth, tag, vr, value, len, vm, name(tag));
    }

    private static void line(StringBuilder sb, int depth, int tag, String vr, String value, long len, int vm,
            String name) {
        int start = sb.length();
        sb.append("  ".repeat(depth)).append(tagText(tag)).append(' ').append(vr).append(' ').append(value);
        int width = HASH_COLUMN + 2 * depth;
        int used = sb.length() - start;
        sb.append(" ".repeat(Math.max(1, width - used)));
        sb.append("# ").append(String.format(Locale.ROOT, "%3d", len)).append(", ").append(vm).append(' ')
                .append(name).append('\n');
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
        return String.format(Locale.ROOT, "(%04x,%04x)", Tag.group(tag), Tag.element(tag));
    }

    private static String hex(byte[] b, int unit) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(b.length, 32);
        for (int k = 0; k + unit <= shown; k += unit) {
            if (k > 0) {
                sb.append('\\');
            }
            if (unit == 2) {
                sb.append(String.format(Locale.ROOT, "%04x", (b[k] & 0xFF) | (b[k + 1] & 0xFF) << 8));
            } else {
                sb.append(String.format(Locale.ROOT, "%02x", b[k] & 0xFF));
            }
        }
        if (shown < b.length) {
            sb.append("...");
        }
        return sb.toString();
    }

    private static String stripTrailingNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == c) {
                n++;
            }
        }
        return n;
    }
}
