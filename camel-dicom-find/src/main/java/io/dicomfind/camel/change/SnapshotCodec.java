package io.dicomfind.camel.change;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text form of an item's values in the file and JDBC stores: {@code path=value&path=value}, both URL-encoded in
 * UTF-8, so that any character a DICOM value may hold (backslash, newline, CJK) survives on one line.
 */
final class SnapshotCodec {
    private SnapshotCodec() {
    }

    static String encode(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(e.getKey())).append('=').append(enc(e.getValue()));
        }
        return sb.toString();
    }

    static SortedMap<String, String> decode(String text) {
        SortedMap<String, String> values = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("snapshot entry '" + pair + "' has no '='");
            }
            values.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
        }
        return values;
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
