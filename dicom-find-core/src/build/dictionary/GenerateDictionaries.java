import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the two dictionary resources of camel-dicom-find from machine-readable copies of PS3.6:
 *
 * <ul>
 * <li>{@code elements.tsv}: PS3.6 chapters 6-8 (data elements, file meta elements, directory elements, command
 * elements), taken from DCMTK's {@code dicom.dic} (tag, VR, VM, keyword, retired); the human readable names from
 * pydicom's {@code _dicom_dict.py} where it has them, else derived from the keyword.</li>
 * <li>{@code uids.tsv}: PS3.6 Table A-1, taken from DCMTK's {@code dcuid.h} ({@code #define UID_x "uid"}) joined
 * with pydicom's {@code _uid_dict.py} (names, keywords, types, retired flags) and with our own
 * {@code uid-supplement.tsv} for UIDs of editions after 2022b.</li>
 * </ul>
 *
 * Run with {@code java GenerateDictionaries.java [options]} from this directory; see README.md. Only the facts of
 * the standard are carried over: no text of the source files.
 */
public final class GenerateDictionaries {

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new HashMap<>();
        opt.put("--dicom-dic", "/usr/share/libdcmtk17/dicom.dic");
        opt.put("--dcuid", "/usr/include/dcmtk/dcmdata/dcuid.h");
        opt.put("--pydicom", "/usr/lib/python3/dist-packages/pydicom");
        opt.put("--supplement", "uid-supplement.tsv");
        opt.put("--out", "../../main/resources/io/dicomfind/dicom/data");
        for (int i = 0; i < args.length; i++) {
            if (!opt.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("usage: java GenerateDictionaries.java [--dicom-dic F] [--dcuid F] "
                        + "[--pydicom DIR] [--supplement F] [--out DIR]");
                System.exit(2);
            }
            opt.put(args[i], args[++i]);
        }
        Path pydicom = Path.of(opt.get("--pydicom"));
        Path out = Path.of(opt.get("--out"));
        Files.createDirectories(out);
        writeElements(Path.of(opt.get("--dicom-dic")), pydicom.resolve("_dicom_dict.py"), out.resolve("elements.tsv"));
        writeUids(Path.of(opt.get("--dcuid")), pydicom.resolve("_uid_dict.py"), Path.of(opt.get("--supplement")),
                out.resolve("uids.tsv"));
    }

    // ---------------------------------------------------------------- elements

    /** dicom.dic: {@code (gggg[-[o|u]-gggg],eeee[-[o|u]-eeee])}, hex. */
    private static final Pattern DIC_TAG = Pattern.compile(
            "\\(([0-9A-Fa-f]{4})(?:-(?:([ou])-)?([0-9A-Fa-f]{4}))?,([0-9A-Fa-f]{4})(?:-(?:([ou])-)?([0-9A-Fa-f]{4}))?\\)");

    /**
     * The single VR we give an element whose PS3.6 VR is a choice (dicom.dic's lower case pseudo VRs), for implicit
     * VR decoding. See README.md for the reasons.
     */
    private static final Map<String, String> PSEUDO_VR = Map.of(
            "xs", "US", // US or SS: US unless Pixel Representation says signed (PS3.5 A.1 leaves it to the IOD)
            "ox", "OW", // OB or OW: implicit VR pixel-like data is OW (PS3.5 A.1)
            "px", "OW", // Pixel Data: OB or OW, OW in implicit VR (PS3.5 A.1, 8.2)
            "lt", "OW", // LUT Data US or SS or OW: OW keeps a 32-bit length and word swapping
            "up", "UL", // directory record offsets: UL (PS3.10 / PS3.3 F.3)
            "na", "UN"); // Item and delimitation items: no VR at all (PS3.5 7.5); never looked up in practice

    private static void writeElements(Path dic, Path pyDict, Path target) throws IOException {
        Map<String, String> namesByKeyword = new HashMap<>();
        Map<String, String> namesByPattern = new HashMap<>();
        if (Files.isReadable(pyDict)) {
            readPydicomNames(pyDict, namesByKeyword, namesByPattern);
        } else {
            System.err.println("warning: " + pyDict + " not found; names are derived from keywords");
        }
        TreeMap<String, String> rows = new TreeMap<>();
        Map<String, String> keywords = new HashMap<>();
        int lineNo = 0;
        int derived = 0;
        int skipped = 0;
        for (String line : Files.readAllLines(dic, StandardCharsets.UTF_8)) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\t+");
            String where = dic + ":" + lineNo;
            if (f.length < 4) {
                throw new IllegalStateException(where + ": expected tag, VR, keyword, VM, version: " + line);
            }
            if (f[0].contains("\"")) { // private creator entries: not in PS3.6
                skipped++;
                continue;
            }
            String version = f.length > 4 ? f[4] : "DICOM";
            if (!version.startsWith("DICOM")) {
                // PRIVATE / ILLEGAL / GENERIC catch-alls (group lengths, private creators): built into the code.
                skipped++;
                continue;
            }
            Matcher m = DIC_TAG.matcher(f[0]);
            if (!m.matches()) {
                throw new IllegalStateException(where + ": malformed tag " + f[0]);
            }
            String pattern = pattern(m, where);
            String vr = PSEUDO_VR.getOrDefault(f[1], f[1]);
            if (!vr.matches("[A-Z]{2}")) {
                throw new IllegalStateException(where + ": unknown VR " + f[1]);
            }
            boolean retired = version.toLowerCase().contains("retired") || f[2].startsWith("RETIRED_");
            String keyword = f[2].startsWith("RETIRED_") ? f[2].substring("RETIRED_".length()) : f[2];
            String before = keywords.put(keyword, pattern);
            if (before != null) {
                throw new IllegalStateException(where + ": keyword " + keyword + " also used by " + before);
            }
            String name = namesByPattern.get(pattern.toUpperCase().replace('X', 'x'));
            if (name == null) {
                name = namesByKeyword.get(keyword);
            }
            if (name == null) {
                name = nameFromKeyword(keyword);
                derived++;
            }
            if (rows.put(sortKey(pattern), String.join("\t", pattern, vr, f[3], keyword, retired ? "R" : "-", name))
                    != null) {
                throw new IllegalStateException(where + ": tag " + f[0] + " given twice");
            }
        }
        List<String> out = new ArrayList<>();
        out.add("# The PS3.6 data dictionary (edition 2022b) for camel-dicom-find. GENERATED by");
        out.add("# src/build/dictionary/GenerateDictionaries.java: do not edit, regenerate (see README.md there).");
        out.add("# tag\tVR\tVM\tkeyword\tretired(R|-)\tname");
        out.add("# tag: 8 hex digits ggggeeee; an x in the group stands for any digit of the even (non-private) groups,");
        out.add("# an x in the element for any digit (repeating groups, PS3.5 7.6). VR: one VR for implicit VR decoding.");
        out.addAll(rows.values());
        Files.write(target, out, StandardCharsets.UTF_8);
        System.out.println(target + ": " + rows.size() + " entries (" + derived + " names derived from keywords, "
                + skipped + " private/catch-all lines skipped)");
    }

    /** Turns a dicom.dic tag (with ranges) into our pattern with x for the digits that vary. */
    private static String pattern(Matcher m, String where) {
        String g = range(m.group(1), m.group(2), m.group(3), true, where);
        String e = range(m.group(4), m.group(5), m.group(6), false, where);
        return g + e;
    }

    private static String range(String lo, String parity, String hi, boolean group, String where) {
        lo = lo.toUpperCase();
        if (hi == null) {
            return lo;
        }
        hi = hi.toUpperCase();
        if (group && parity != null) {
            throw new IllegalStateException(where + ": odd or unrestricted group range in a standard element");
        }
        StringBuilder p = new StringBuilder(4);
        boolean varying = false;
        for (int i = 0; i < 4; i++) {
            char a = lo.charAt(i);
            char b = hi.charAt(i);
            if (a == '0' && b == 'F') {
                varying = true;
                p.append('x');
            } else if (a == b && !varying) {
                p.append(a);
            } else {
                throw new IllegalStateException(where + ": range " + lo + "-" + hi + " is not a run of whole digits");
            }
        }
        return p.toString();
    }

    private static String sortKey(String pattern) {
        return pattern.replace('x', '0') + pattern;
    }

    /** PatientName -> "Patient Name"; only for the few names the name source lacks. */
    static String nameFromKeyword(String keyword) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(keyword.charAt(i - 1))
                        || i + 1 < keyword.length() && Character.isLowerCase(keyword.charAt(i + 1))
                           && Character.isUpperCase(keyword.charAt(i - 1)));
            if (boundary || i > 0 && Character.isDigit(c) && !Character.isDigit(keyword.charAt(i - 1))) {
                b.append(' ');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Lines like {@code     0x00100010: ('PN', '1', "Patient's Name", '', 'PatientName'),} and repeaters. */
    private static final Pattern PY_ELEMENT = Pattern.compile("^\\s+(?:0x([0-9A-Fa-f]{8})|'([0-9A-Fa-fx]{8})'):\\s*\\((.*)\\),?");

    private static void readPydicomNames(Path py, Map<String, String> byKeyword, Map<String, String> byPattern)
            throws IOException {
        for (String line : Files.readAllLines(py, StandardCharsets.UTF_8)) {
            Matcher m = PY_ELEMENT.matcher(line);
            if (!m.find()) {
                continue;
            }
            List<String> v = pythonStrings(m.group(3));
            if (v.size() != 5) {
                continue;
            }
            String tag = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase().replace('X', 'x');
            byPattern.put(tag, v.get(2));
            byKeyword.putIfAbsent(v.get(4), v.get(2));
        }
    }

    /** The string literals in a Python tuple body (single or double quoted, backslash escapes). */
    static List<String> pythonStrings(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char q = s.charAt(i);
            if (q != '\'' && q != '"') {
                i++;
                continue;
            }
            StringBuilder b = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != q) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    c = s.charAt(i++);
                }
                b.append(c);
            }
            i++;
            out.add(b.toString());
        }
        return out;
    }

    // ---------------------------------------------------------------- UIDs

    private static final Pattern DEFINE = Pattern.compile("^#define\\s+UID_(\\w+)\\s+\"([0-9.]+)\"");
    private static final Pattern PY_UID = Pattern.compile("^\\s+'([0-9.]+)':\\s*\\((.*)\\),?");

    private record Uid(String uid, String keyword, String type, boolean retired, String name) {
    }

    private static void writeUids(Path dcuid, Path pyUid, Path supplement, Path target) throws IOException {
        Map<String, Uid> fromPy = new HashMap<>();
        if (Files.isReadable(pyUid)) {
            for (String line : Files.readAllLines(pyUid, StandardCharsets.UTF_8)) {
                Matcher m = PY_UID.matcher(line);
                if (m.find()) {
                    List<String> v = pythonStrings(m.group(2));
                    // Table A-1 keeps a few retired rows without name or keyword: nothing to say about them.
                    if (v.size() == 5 && !v.get(0).isEmpty() && !v.get(4).isEmpty()) {
                        fromPy.put(m.group(1), new Uid(m.group(1), v.get(4), v.get(1), !v.get(3).isEmpty(), v.get(0)));
                    }
                }
            }
        } else {
            System.err.println("warning: " + pyUid + " not found; UID names are derived from dcuid.h");
        }
        Map<String, Uid> all = new LinkedHashMap<>();
        int derived = 0;
        for (String line : Files.readAllLines(dcuid, StandardCharsets.UTF_8)) {
            Matcher m = DEFINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String uid = m.group(2);
            // Only the registry of PS3.6 (root 1.2.840.10008); dcuid.h also names toolkit-private UIDs and
            // prefixes that are not UIDs ("...37.").
            if (!uid.startsWith("1.2.840.10008.") || uid.endsWith(".")) {
                continue;
            }
            Uid py = fromPy.get(uid);
            if (py == null) {
                String define = m.group(1);
                boolean retired = define.startsWith("RETIRED_");
                String keyword = retired ? define.substring("RETIRED_".length()) : define;
                all.put(uid, new Uid(uid, keyword, "", retired, nameFromKeyword(keyword.replace('_', ' '))));
                derived++;
            } else {
                all.put(uid, py);
            }
        }
        for (Uid py : fromPy.values()) {
            all.putIfAbsent(py.uid(), py);
        }
        int supplemented = 0;
        int lineNo = 0;
        for (String line : Files.readAllLines(supplement, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalStateException(supplement + ":" + lineNo + ": expected uid, keyword, type, retired, name");
            }
            all.put(f[0], new Uid(f[0], f[1], f[2], f[3].equals("R"), f[4]));
            supplemented++;
        }
        TreeMap<String, String> rows = new TreeMap<>(GenerateDictionaries::compareUids);
        for (Uid u : all.values()) {
            rows.put(u.uid(), String.join("\t", u.uid(), u.keyword(), u.type(), u.retired() ? "R" : "-", u.name()));
        }
        List<String> out = new ArrayList<>();
        out.add("# The UID registry of PS3.6 Table A-1 for camel-dicom-find. GENERATED by");
        out.add("# src/build/dictionary/GenerateDictionaries.java: do not edit, regenerate (see README.md there).");
        out.add("# uid\tkeyword\ttype\tretired(R|-)\tname");
        out.addAll(rows.values());
        Files.write(target, out, StandardCharsets.UTF_8);
        System.out.println(target + ": " + rows.size() + " UIDs (" + derived + " names derived from dcuid.h, "
                + supplemented + " from the supplement)");
    }

    /** Numeric order, component by component, so 1.2.10 follows 1.2.9. */
    private static int compareUids(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].length() != y[i].length() ? Integer.compare(x[i].length(), y[i].length()) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
