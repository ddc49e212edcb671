package io.dicomfind.peers;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonicalises DICOM files with DCMTK's {@code dcmdump} (not with the component's reader), so that DCMTK findscu's
 * {@code -X} output and the component's own {@code -X} output can be compared as {@link ResponseSet}s.
 *
 * <p>dcmdump runs as {@code dcmdump +F -Un +L} (file headers, no UID names, long values in full) and prints raw
 * value bytes; this class decodes them with the data set's (0008,0005) via {@link HarnessCharsets} and builds a
 * {@link CanonicalDataSet} per file (see there for the normal form).
 */
public final class DcmDumpCanonicalizer {

    private static final int FILES_PER_RUN = 200;
    private static final Pattern HEADER = Pattern.compile("^# dcmdump \\((\\d+)/(\\d+)\\): (.*)$");
    private static final Pattern ELEMENT = Pattern.compile(
            "^( *)\\(([0-9a-fA-F]{4}),([0-9a-fA-F]{4})\\) (\\S\\S) (.*)\\s+#\\s*(\\d+|u/l), ?(\\d+) \\S.*$",
            Pattern.DOTALL); // DOTALL: raw bytes read as ISO-8859-1 include U+0085, a line terminator for '.'

    /** VRs whose leading spaces are significant (PS3.5 6.2: only trailing padding is insignificant). */
    private static final Set<String> TEXT_VRS = Set.of("LT", "ST", "UT");
    /** VRs dcmdump prints in brackets and that are subject to character set decoding or trimming. */
    private static final Set<String> STRING_VRS = Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN",
            "SH", "ST", "TM", "UC", "UI", "UR", "UT");
    private static final Set<String> CHARSET_VRS = Set.of("LO", "LT", "PN", "SH", "ST", "UC", "UT");

    private DcmDumpCanonicalizer() {
    }

    /** The canonical form of one Part-10 file (or bare data set) as dcmdump reads it. */
    public static CanonicalDataSet canonicalize(Path file) {
        return canonicalize(List.of(file)).get(0);
    }

    /** The canonical forms of several files, in the order given; dcmdump is run once per 200 files. */
    public static List<CanonicalDataSet> canonicalize(List<Path> files) {
        List<CanonicalDataSet> result = new ArrayList<>(files.size());
        for (int from = 0; from < files.size(); from += FILES_PER_RUN) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + FILES_PER_RUN));
            List<String> cmd = new ArrayList<>(List.of("dcmdump", "+F", "-Un", "+L"));
            chunk.forEach(p -> cmd.add(p.toString()));
            Peers.ExecResult r = Peers.exec(cmd, null).requireSuccess();
            // ISO-8859-1 maps every byte to one char, so value bytes can be recovered exactly for decoding.
            String out = new String(r.stdout(), StandardCharsets.ISO_8859_1);
            List<List<String>> perFile = splitPerFile(out, chunk.size(), r);
            for (int i = 0; i < chunk.size(); i++) {
                result.add(parse(perFile.get(i), chunk.get(i)));
            }
        }
        return result;
    }

    /** A {@link ResponseSet} of the given files. */
    public static ResponseSet responseSet(List<Path> files) {
        return new ResponseSet(canonicalize(files));
    }

    private static List<List<String>> splitPerFile(String out, int expected, Peers.ExecResult r) {
        List<List<String>> perFile = new ArrayList<>();
        List<String> current = null;
        for (String line : out.split("\n", -1)) {
            if (HEADER.matcher(line).matches()) {
                current = new ArrayList<>();
                perFile.add(current);
            } else if (current != null) {
                current.add(line);
            }
        }
        if (perFile.size() != expected) {
            throw new IllegalStateException("dcmdump printed " + perFile.size() + " file headers for " + expected
                    + " files: " + String.join(" ", r.command()) + "\nstderr: " + r.stderr());
        }
        return perFile;
    }

    private record Frame(int indent, String path, int[] items) {
    }

    static CanonicalDataSet parse(List<String> dumpLines, Path source) {
        // First pass: the top-level Specific Character Set decides how every other value is decoded.
        Charset charset = StandardCharsets.ISO_8859_1;
        for (String line : dumpLines) {
            Matcher m = ELEMENT.matcher(line);
            if (m.matches() && m.group(1).isEmpty() && m.group(2).equals("0008") && m.group(3).equals("0005")) {
                charset = HarnessCharsets.forSpecificCharacterSet(bracketed(m.group(5)));
            }
        }
        List<String> canonical = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        for (String line : dumpLines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = ELEMENT.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected dcmdump line in " + source + ": " + line);
            }
            int indent = m.group(1).length();
            String group = m.group(2).toLowerCase();
            String element = m.group(3).toLowerCase();
            String vr = m.group(4);
            String tag = "(" + group + "," + element + ")";
            while (!stack.isEmpty() && stack.peek().indent() >= indent) {
                stack.pop();
            }
            if (group.equals("fffe")) {
                if (element.equals("e000")) {
                    Frame seq = stack.peek();
                    if (seq == null) {
                        throw new IllegalStateException("item outside a sequence in " + source + ": " + line);
                    }
                    canonical.add(seq.path() + "[" + seq.items()[0]++ + "]");
                }
                continue; // delimitation items carry no content
            }
            if (group.equals("0002") || element.equals("0000") || (group.equals("fffc") && element.equals("fffc"))) {
                continue;
            }
            String prefix = stack.isEmpty() ? "" : stack.peek().path() + "[" + (stack.peek().items()[0] - 1) + "].";
            String path = prefix + tag;
            if (vr.equals("SQ")) {
                canonical.add(path + " SQ");
                stack.push(new Frame(indent, path, new int[] {0}));
                continue;
            }
            canonical.add(path + " " + vr + " " + value(vr, m.group(5), charset));
        }
        return new CanonicalDataSet(canonical, source);
    }

    private static String value(String vr, String printed, Charset charset) {
        if (printed.startsWith("(no value available)")) {
            return "[]";
        }
        if (!printed.startsWith("[")) {
            return printed.trim(); // binary VRs (US, UL, FD, OB, AT ...) are printed unbracketed
        }
        String raw = bracketed(printed);
        String decoded = CHARSET_VRS.contains(vr)
                ? new String(raw.getBytes(StandardCharsets.ISO_8859_1), charset)
                : raw;
        if (!STRING_VRS.contains(vr)) {
            return "[" + decoded + "]";
        }
        String[] values = decoded.split("\\\\", -1);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\\');
            }
            sb.append(trim(values[i], TEXT_VRS.contains(vr)));
        }
        return sb.append(']').toString();
    }

    private static String trim(String v, boolean keepLeading) {
        int end = v.length();
        while (end > 0 && (v.charAt(end - 1) == ' ' || v.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (!keepLeading) {
            while (start < end && v.charAt(start) == ' ') {
                start++;
            }
        }
        return v.substring(start, end);
    }

    private static String bracketed(String printed) {
        int open = printed.indexOf('[');
        int close = printed.lastIndexOf(']');
        if (open < 0 || close < open) {
            return printed;
        }
        return printed.substring(open + 1, close);
    }
}
