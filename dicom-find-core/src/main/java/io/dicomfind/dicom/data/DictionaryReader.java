package io.dicomfind.dicom.data;

import io.dicomfind.dicom.data.ElementDictionary.Entry;
import io.dicomfind.dicom.data.TagPattern.Parity;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two dictionary formats: our generated {@code elements.tsv} resource, and DCMTK's {@code dicom.dic}
 * format that the files named by {@code DCMDICTPATH} use.
 */
final class DictionaryReader {

    /** Receives each entry read, with the tags it stands for. */
    interface Sink {
        void add(TagPattern pattern, Entry entry);
    }

    /** Decides what a malformed line does: {@link #STRICT} throws, a tolerant caller records it and goes on. */
    interface Problems {
        void report(DictionaryFormatException problem) throws DictionaryFormatException;
    }

    static final Problems STRICT = problem -> {
        throw problem;
    };

    /**
     * The syntax of DCMTK's dictionary files, compiled only when one is read ({@code DCMDICTPATH}): the built-in
     * dictionary, which every run reads, needs no regular expressions.
     */
    private static final class DcmtkSyntax {
        /** {@code (gggg[-[o-|u-]gggg],eeee[-[o-|u-]eeee])} in hex. */
        static final Pattern TAG = Pattern.compile(
                "\\(([0-9A-Fa-f]{4})(?:-(?:([ouOU])-)?([0-9A-Fa-f]{4}))?,([0-9A-Fa-f]{4})(?:-(?:([ouOU])-)?([0-9A-Fa-f]{4}))?\\)");

        static final Pattern KEYWORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    }

    private static final String RETIRED_PREFIX = "RETIRED_";

    private DictionaryReader() {
    }

    /**
     * Reads our generated resource: {@code tag VR VM keyword R|- name}, tab separated; an {@code x} digit in the
     * group varies over the even groups (repeating groups, PS3.5 7.6), in the element over all values.
     */
    static void readBuiltIn(BufferedReader in, String source, Sink sink) throws IOException {
        readBuiltIn(in, source, sink, 0xFFFF);
    }

    /** Reads entries up to and including group {@code lastGroup}: the built-in resource is in tag order. */
    static void readBuiltIn(BufferedReader in, String source, Sink sink, int lastGroup) throws IOException {
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (lastGroup < 0xFFFF && line.length() >= 4
                    && Integer.parseInt(line.substring(0, 4).replace('x', '0'), 16) > lastGroup) {
                return;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6 || f[0].length() != 8) {
                throw new DictionaryFormatException(source, lineNo, "expected tag, VR, VM, keyword, retired, name");
            }
            VR vr = VR.ofName(f[1]);
            if (vr == null) {
                throw new DictionaryFormatException(source, lineNo, "unknown VR '" + f[1] + "'");
            }
            TagPattern pattern = patternOfDigits(f[0], source, lineNo);
            sink.add(pattern, new Entry(pattern.base(), pattern.mask(), vr, f[2], f[3], f[5], "R".equals(f[4])));
        }
    }

    private static TagPattern patternOfDigits(String digits, String source, int lineNo)
            throws DictionaryFormatException {
        String low = digits.replace('x', '0');
        String high = digits.replace('x', 'F');
        try {
            int lo = Integer.parseUnsignedInt(low, 16);
            int hi = Integer.parseUnsignedInt(high, 16);
            boolean groupVaries = digits.substring(0, 4).indexOf('x') >= 0;
            return new TagPattern(lo >>> 16, hi >>> 16, groupVaries ? Parity.EVEN : Parity.ANY, lo & 0xFFFF,
                    hi & 0xFFFF, Parity.ANY);
        } catch (NumberFormatException e) {
            throw new DictionaryFormatException(source, lineNo, "malformed tag '" + digits + "'");
        }
    }

    /**
     * Reads DCMTK's dictionary format: {@code (gggg,eeee) VR keyword [VM [version]]}, one entry a line, fields
     * separated by tabs (we also accept spaces). Ranges {@code gggg-gggg} stand for the even numbers,
     * {@code gggg-o-gggg} for the odd and {@code gggg-u-gggg} for all. A keyword {@code RETIRED_x} or a version
     * containing "retired" marks a retired entry. Entries with a private creator {@code (gggg,"CREATOR",ee)} are
     * skipped: a private tag's meaning depends on the creator found in the data set, which this dictionary does not
     * model. Returns the number of lines skipped that way.
     */
    static int readDcmtk(BufferedReader in, String source, Sink sink, ElementDictionary.NameSource names,
                         Problems problems) throws IOException {
        int lineNo = 0;
        int privateSkipped = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.charAt(0) == '#') {
                continue;
            }
            if (t.startsWith("(") && t.indexOf('"') > 0 && t.indexOf('"') < t.indexOf(')')) {
                privateSkipped++;
                continue;
            }
            try {
                readDcmtkLine(t, source, lineNo, sink, names);
            } catch (DictionaryFormatException e) {
                problems.report(e);
            }
        }
        return privateSkipped;
    }

    private static void readDcmtkLine(String line, String source, int lineNo, Sink sink,
                                      ElementDictionary.NameSource names) throws DictionaryFormatException {
        String[] f = line.split("\\s+");
        if (f.length < 3) {
            throw new DictionaryFormatException(source, lineNo,
                    "expected at least tag, VR and keyword separated by tabs, found '" + line + "'");
        }
        if (f.length > 5) {
            throw new DictionaryFormatException(source, lineNo,
                    "expected at most 5 fields (tag, VR, keyword, VM, version), found " + f.length);
        }
        Matcher m = DcmtkSyntax.TAG.matcher(f[0]);
        if (!m.matches()) {
            throw new DictionaryFormatException(source, lineNo,
                    "malformed tag '" + f[0] + "'; expected (gggg,eeee) in hex, optionally with ranges gggg-gggg");
        }
        TagPattern pattern = new TagPattern(hex(m.group(1)), hex(m.group(3), m.group(1)),
                parity(m.group(2), m.group(3)), hex(m.group(4)), hex(m.group(6), m.group(4)),
                parity(m.group(5), m.group(6)));
        if (pattern.groupLow() > pattern.groupHigh() || pattern.elementLow() > pattern.elementHigh()) {
            throw new DictionaryFormatException(source, lineNo, "range in tag '" + f[0] + "' runs backwards");
        }
        VR vr = vrOf(f[1]);
        if (vr == null) {
            throw new DictionaryFormatException(source, lineNo, "unknown VR '" + f[1] + "' for " + f[0]);
        }
        String keyword = f[2];
        if (!DcmtkSyntax.KEYWORD.matcher(keyword).matches()) {
            throw new DictionaryFormatException(source, lineNo, "malformed keyword '" + keyword + "'");
        }
        String vm = f.length > 3 ? f[3] : "1";
        String version = f.length > 4 ? f[4] : "";
        boolean retired = keyword.startsWith(RETIRED_PREFIX) || version.toLowerCase(Locale.ROOT).contains("retired");
        if (keyword.startsWith(RETIRED_PREFIX) && keyword.length() > RETIRED_PREFIX.length()) {
            // PS3.6 keywords of retired elements carry no prefix; DCMTK adds one to its names.
            keyword = keyword.substring(RETIRED_PREFIX.length());
        }
        sink.add(pattern, new Entry(pattern.base(), pattern.mask(), vr, vm, keyword, names.nameFor(keyword),
                retired));
    }

    private static int hex(String digits) {
        return Integer.parseInt(digits, 16);
    }

    private static int hex(String high, String low) {
        return high == null ? hex(low) : hex(high);
    }

    /** DCMTK's default for a range is the even numbers; {@code o} the odd, {@code u} all. */
    private static Parity parity(String flag, String high) {
        if (high == null) {
            return Parity.ANY;
        }
        if (flag == null) {
            return Parity.EVEN;
        }
        return flag.equalsIgnoreCase("o") ? Parity.ODD : Parity.ANY;
    }

    /**
     * The VR for a dictionary VR field. PS3.6 gives some elements a choice of VRs; DCMTK writes those as lower case
     * pseudo VRs. We pick the one implicit VR decoding should use (see src/build/dictionary/README.md):
     * xs (US or SS) as US, ox and px (OB or OW) as OW (PS3.5 A.1: OW in implicit VR), lt (LUT Data, US or SS or OW)
     * as OW, up (directory offsets) as UL, na (items and delimiters, which have no VR) as UN.
     */
    static VR vrOf(String field) {
        return switch (field) {
            case "xs" -> VR.US;
            case "ox", "px", "lt" -> VR.OW;
            case "up" -> VR.UL;
            case "na" -> VR.UN;
            default -> VR.ofName(field);
        };
    }
}
