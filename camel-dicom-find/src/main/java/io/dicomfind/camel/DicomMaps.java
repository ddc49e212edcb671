package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.ArrayList;
import java.util.Arrays;
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

    static Map<String, Object> toMap(Attributes ds) {
        Map<String, Object> m = new LinkedHashMap<>();
        ElementDictionary dict = ElementDictionary.standard();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            String keyword = Tag.isPrivate(tag) ? null : dict.keywordOf(tag);
            String key = keyword != null && !keyword.isEmpty() ? keyword : Tag.toString(tag);
            m.put(key, valueOf(ds, i, tag));
        }
        return m;
    }

    private static Object valueOf(Attributes ds, int i, int tag) {
        Object v = ds.valueAt(i);
        VR vr = ds.vrAt(i);
        if (v instanceof Sequence seq) {
            List<Map<String, Object>> items = new ArrayList<>(seq.size());
            for (Attributes item : seq) {
                items.add(toMap(item));
            }
            return items;
        }
        if (v == null) {
            return null;
        }
        if (vr.isBinary() && vr != VR.AT && !isBinaryNumber(vr)) {
            return ds.bytesAt(i);
        }
        String[] values = ds.getStrings(tag);
        if (values == null) {
            return null;
        }
        return values.length == 1 ? values[0] : new ArrayList<>(Arrays.asList(values));
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
