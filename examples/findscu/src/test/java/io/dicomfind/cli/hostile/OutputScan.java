package io.dicomfind.cli.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a findscu process writes to one of its streams, in constant memory (a giant identifier's dump is tens
 * of megabytes): flags the first byte that must never reach a terminal raw (C0 controls other than LF, DEL, C1 in
 * UTF-8), keeps the lines with a level other than I:/D: (warnings, errors) and the first lines, and counts the lines
 * containing each of the given texts.
 */
final class OutputScan {
    private static final int KEEP_LINES = 200;
    private static final int MAX_LINE = 256 * 1024;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private final List<String> head = new ArrayList<>();
    private final List<String> matching = new ArrayList<>();
    private final String keep;
    private String firstRaw;
    private long bytes;
    private long lines;

    /** @param keep lines containing this are kept too (bounded), e.g. the tag of an element to look at */
    OutputScan(String keep, String... counted) {
        this.keep = keep;
        for (String c : counted) {
            counts.put(c, 0);
        }
    }

    /** Reads {@code in} to its end. */
    void read(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[MAX_LINE];
        int len = 0;
        int prev = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int k = 0; k < n; k++) {
                int b = buf[k] & 0xFF;
                bytes++;
                boolean raw = b < 0x20 && b != '\n' || b == 0x7F || prev == 0xC2 && b >= 0x80 && b <= 0x9F;
                if (raw && firstRaw == null) {
                    firstRaw = "byte 0x" + Integer.toHexString(b) + " at offset " + (bytes - 1) + " in line "
                            + (lines + 1) + ": " + new String(line, 0, len, StandardCharsets.UTF_8);
                }
                prev = b;
                if (b == '\n') {
                    line(new String(line, 0, len, StandardCharsets.UTF_8));
                    len = 0;
                } else if (len < MAX_LINE) {
                    line[len++] = (byte) b;
                }
            }
        }
        if (len > 0) {
            line(new String(line, 0, len, StandardCharsets.UTF_8));
        }
    }

    private synchronized void line(String l) {
        lines++;
        if (head.size() < KEEP_LINES) {
            head.add(l);
        }
        if (!l.startsWith("I: ") && !l.startsWith("D: ") && !l.startsWith("T: ") && messages.size() < KEEP_LINES) {
            messages.add(l);
        }
        if (keep != null && l.contains(keep) && matching.size() < KEEP_LINES) {
            matching.add(l);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (l.contains(e.getKey())) {
                e.setValue(e.getValue() + 1);
            }
        }
    }

    synchronized String firstRaw() {
        return firstRaw;
    }

    synchronized int count(String counted) {
        return counts.get(counted);
    }

    /** Lines other than I:, D:, T: (warnings, errors, anything unprefixed such as a stack trace). */
    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized List<String> matching() {
        return List.copyOf(matching);
    }

    synchronized long bytes() {
        return bytes;
    }

    /** For failure messages: the first lines and the messages. */
    synchronized String summary() {
        return "first lines:\n" + String.join("\n", head.subList(0, Math.min(40, head.size()))) + "\nmessages:\n"
                + String.join("\n", messages) + "\n(" + bytes + " bytes, " + lines + " lines)";
    }
}
