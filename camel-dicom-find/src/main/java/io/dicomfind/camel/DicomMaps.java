package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.OutputLimitException;
import io.dicomfind.dicom.io.OutputLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An identifier as plain Java values, for routes that do not want DICOM types (Simple, JSONPath-free bean code,
 * templating): keys are the standard keywords ({@code PatientName}), or {@code (gggg,eeee)} for elements without one
 * (private elements); values are decoded text with padding removed: a String for one value, a List of Strings for
 * several (PS3.5 6.4), null for an empty element, a List of Maps for a sequence, a {@code byte[]} for OB, OW, OF, OD,
 * OL, OV and UN. Binary numbers (US, UL, FL, ...) are given as text. The same Map read back as a query body (or
 * converted to {@link Attributes}) gives the same data set.
 */
final class DicomMaps {
    private DicomMaps() {
    }

    /**
     * Elements and values one Map may hold, nested ones included: a Map costs some 150 bytes per entry, so this
     * keeps one under about 15 MiB; a larger identifier gets a clear error, not an OutOfMemoryError (use
     * {@code Attributes} or the {@code dicom} data format, which stream).
     */
    static final int MAX_ENTRIES = 100_000;

    static Map<String, Object> toMap(Attributes ds) {
        return toMap(ds, new int[1], 0);
    }

    private static Map<String, Object> toMap(Attributes ds, int[] entries, int nesting) {
        Map<String, Object> m = new LinkedHashMap<>();
        ElementDictionary dict = ElementDictionary.standard();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            count(entries, 1, tag);
            String keyword = Tag.isPrivate(tag) ? null : dict.keywordOf(tag);
            String key = keyword != null && !keyword.isEmpty() ? keyword : Tag.toString(tag);
            m.put(key, valueOf(ds, i, tag, entries, nesting));
        }
        return m;
    }

    private static void count(int[] entries, int n, int tag) {
        entries[0] += n;
        if (entries[0] > MAX_ENTRIES) {
            throw new OutputLimitException("identifier too large for a Map: more than " + MAX_ENTRIES
                    + " elements and values, at " + Tag.toString(tag) + " (output limit); use Attributes or the dicom"
                    + " data format, which stream");
        }
    }

    private static Object valueOf(Attributes ds, int i, int tag, int[] entries, int nesting) {
        Object v = ds.valueAt(i);
        VR vr = ds.vrAt(i);
        if (v instanceof Sequence seq) {
            if (nesting >= OutputLimits.MAX_DEPTH) {
                throw new OutputLimitException("sequence " + Tag.toString(tag) + " nested deeper than "
                        + OutputLimits.MAX_DEPTH + " levels: not converted to a Map (output limit)");
            }
            List<Map<String, Object>> items = new ArrayList<>(seq.size());
            for (Attributes item : seq) {
                items.add(toMap(item, entries, nesting + 1));
            }
            return items;
        }
        if (v == null) {
            return null;
        }
        if (vr.isBinary() && vr != VR.AT && !isBinaryNumber(vr)) {
            return ds.bytesAt(i);
        }
        List<String> values = new ArrayList<>(1);
        try {
            ds.forEachString(i, s -> {
                count(entries, 1, tag);
                values.add(s);
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the action does no I/O
        }
        if (values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : values;
    }

    private static boolean isBinaryNumber(VR vr) {
        return switch (vr) {
            case US, SS, UL, SL, FL, FD, SV, UV -> true;
            default -> false;
        };
    }

    static Attributes fromMap(Map<?, ?> map) {
        Attributes ds = new Attributes();
        QueryBodyReader.fromMap(map, ds, "map");
        return ds;
    }
}
