package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.Locale;

/**
 * A data set in the DICOM JSON Model (PS3.18 F.2): an object keyed by 8 upper-case hex digits, each attribute with
 * its "vr" and, if it has a value, "Value" (strings; numbers for IS, DS, SL, SS, UL, US, FL, FD, SV, UV; objects
 * with "Alphabetic"/"Ideographic"/"Phonetic" for PN, F.2.2; items for SQ) or "InlineBinary" (base64, F.2.7).
 *
 * <p>Minimal stand-in written for the CLI ({@code -J}) while the project's JsonWriter is not available.
 */
final class JsonDataSetWriter {

    void write(Writer w, Attributes ds) throws IOException {
        object(w, ds);
        w.write('\n');
    }

    private void object(Writer w, Attributes ds) throws IOException {
        w.write('{');
        for (int i = 0; i < ds.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            w.write(String.format(Locale.ROOT, "\"%08X\":{\"vr\":\"%s\"", tag, vr.name()));
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                if (!seq.isEmpty()) {
                    w.write(",\"Value\":[");
                    boolean first = true;
                    for (Attributes item : seq) {
                        if (!first) {
                            w.write(',');
                        }
                        first = false;
                        object(w, item);
                    }
                    w.write(']');
                }
            } else if (ds.bytesAt(i).length > 0) {
                value(w, ds, tag, vr, i);
            }
            w.write('}');
        }
        w.write('}');
    }

    private static void value(Writer w, Attributes ds, int tag, VR vr, int index) throws IOException {
        switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> {
                w.write(",\"InlineBinary\":\"" + Base64.getEncoder().encodeToString(ds.bytesAt(index)) + "\"");
                return;
            }
            default -> {
                // values below
            }
        }
        // the JSON text is Unicode, so the values it carries are no longer in the data set's character set
        String[] values = tag == 0x00080005 ? new String[] {"ISO_IR 192"} : ds.getStrings(tag);
        if (values == null) {
            return;
        }
        w.write(",\"Value\":[");
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                w.write(',');
            }
            String s = values[k];
            switch (vr) {
                case IS, DS, SL, SS, UL, US, FL, FD, SV, UV -> w.write(s.isBlank() ? "null" : number(s.trim()));
                case PN -> pn(w, s);
                case AT -> w.write(str(s.replaceAll("[(),]", "").toUpperCase(Locale.ROOT)));
                default -> w.write(s.isEmpty() ? "null" : str(s));
            }
        }
        w.write(']');
    }

    private static String number(String s) {
        try {
            return new java.math.BigDecimal(s).toString();
        } catch (NumberFormatException e) {
            return str(s); // not a number after all: keep the text rather than produce invalid JSON
        }
    }

    private static void pn(Writer w, String s) throws IOException {
        if (s.isEmpty()) {
            w.write("null");
            return;
        }
        String[] groups = s.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        w.write('{');
        boolean first = true;
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            if (!first) {
                w.write(',');
            }
            first = false;
            w.write("\"" + names[g] + "\":" + str(groups[g]));
        }
        w.write('}');
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
