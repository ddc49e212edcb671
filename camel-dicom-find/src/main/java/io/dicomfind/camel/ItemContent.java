package io.dicomfind.camel;

import io.dicomfind.camel.change.SnapshotItem;
import io.dicomfind.dicom.data.Attributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An identifier as the change tracker compares it: every element as attribute path to decoded text, sequence items
 * included ({@code ScheduledProcedureStepSequence[0].Modality}), and the SHA-256 of that. Decoded text, not the wire
 * bytes, is compared, so the same item read in another transfer syntax or character set is not a change. Specific
 * Character Set (0008,0005) itself is left out for the same reason.
 */
final class ItemContent {
    private static final String SPECIFIC_CHARACTER_SET = "SpecificCharacterSet";

    private ItemContent() {
    }

    static SnapshotItem of(Attributes identifier, MessageDigest digest) {
        SortedMap<String, String> values = new TreeMap<>();
        flatten("", DicomMaps.toMap(identifier), values);
        values.remove(SPECIFIC_CHARACTER_SET);
        return new SnapshotItem(hash(values, digest), values);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, SortedMap<String, String> out) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String path = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                out.put(path, ""); // the sequence itself: present, with items
                for (int i = 0; i < list.size(); i++) {
                    flatten(path + "[" + i + "].", (Map<String, Object>) list.get(i), out);
                }
            } else if (v instanceof List<?> list) {
                out.put(path, String.join("\\", list.stream().map(o -> o == null ? "" : o.toString()).toList()));
            } else if (v instanceof byte[] bytes) {
                out.put(path, Base64.getEncoder().encodeToString(bytes));
            } else {
                out.put(path, v == null ? "" : v.toString());
            }
        }
    }

    /** Unambiguous: lengths before each path and value, so no choice of separator characters can collide. */
    static String hash(SortedMap<String, String> values, MessageDigest digest) {
        digest.reset();
        for (Map.Entry<String, String> e : values.entrySet()) {
            update(digest, e.getKey());
            update(digest, e.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (b.length >>> 24));
        digest.update((byte) (b.length >>> 16));
        digest.update((byte) (b.length >>> 8));
        digest.update((byte) b.length);
        digest.update(b);
    }
}
