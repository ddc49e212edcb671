package io.dicomfind.dicom.data;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data dictionary of PS3.6 (tag, VR, VM, keyword, name, retired) that implicit VR decoding, keyword look-ups
 * and dumps use.
 *
 * <p>The built-in entries come from the resource {@code elements.tsv}, generated from the standard by
 * {@code src/build/dictionary/GenerateDictionaries.java}. {@link #standard()} adds the files named by DCMTK's
 * {@code DCMDICTPATH} environment variable, in DCMTK's own dictionary format, later entries overriding earlier ones,
 * as findscu does. Exact entries win over repeating ones such as (60xx,3000).
 *
 * <p>Instances are immutable and safe to share between threads; {@link #lookup(int)} costs one hash probe for a
 * standard tag and one more per repeating-group mask shape (two in PS3.6) for any other.
 */
public final class ElementDictionary {

    /**
     * One dictionary entry; {@code mask} has 0 bits where a repeating group or element varies, e.g. (60xx,3000)
     * has tag 0x60003000 and mask 0xFF00FFFF; a single tag has mask 0xFFFFFFFF. {@code vr} is the one VR implicit VR
     * decoding uses, also where PS3.6 allows a choice: US for "US or SS", OW for "OB or OW" and for LUT Data
     * (src/build/dictionary/README.md says why). {@code keyword} is the PS3.6 keyword (without DCMTK's
     * {@code RETIRED_} prefix), {@code name} the PS3.6 attribute name.
     */
    public record Entry(int tag, int mask, VR vr, String vm, String keyword, String name, boolean retired) {

        /** True for an entry that stands for more than one tag, such as (60xx,3000). */
        public boolean repeating() {
            return mask != 0xFFFFFFFF;
        }

        /** The tag in PS3.6's notation, with x for the digits that vary: (60xx,3000). */
        public String tagPattern() {
            String s = Tag.toString(tag);
            if (!repeating()) {
                return s;
            }
            char[] c = s.toCharArray();
            int[] positions = {1, 2, 3, 4, 6, 7, 8, 9};
            for (int i = 0; i < 8; i++) {
                if (((mask >>> (28 - 4 * i)) & 0xF) == 0) {
                    c[positions[i]] = 'x';
                }
            }
            return new String(c);
        }
    }

    /** Supplies names for entries from files that have only keywords (DCMTK's format). */
    interface NameSource {
        String nameFor(String keyword);
    }

    static final String BUILT_IN_RESOURCE = "elements.tsv";

    /** One repeating entry, chained to the others whose tags agree under the same mask (latest first). */
    private record Link(TagPattern pattern, Entry entry, Link next) {
    }

    private final IntKeyMap<Entry> exact;
    private final int[] masks;
    private final IntKeyMap<Link>[] repeating;
    private final Map<String, Entry> byKeyword;
    private final int size;
    private final List<String> warnings;

    private ElementDictionary(Builder b) {
        this.exact = b.exact;
        // The more digits a mask fixes, the more specific its entries: look there first (ties: by value). A plain
        // insertion sort of a handful of masks: a Comparator chain here cost the command dictionary, which every
        // run loads, a few milliseconds of lambda linkage
        this.masks = new int[b.repeating.size()];
        int n = 0;
        for (int m : b.repeating.keySet()) {
            masks[n++] = m;
        }
        for (int i = 1; i < masks.length; i++) {
            for (int j = i; j > 0 && moreSpecific(masks[j], masks[j - 1]); j--) {
                int t = masks[j];
                masks[j] = masks[j - 1];
                masks[j - 1] = t;
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        IntKeyMap<Link>[] tables = new IntKeyMap[masks.length];
        for (int i = 0; i < masks.length; i++) {
            tables[i] = b.repeating.get(masks[i]);
        }
        this.repeating = tables;
        this.byKeyword = b.byKeyword;
        this.size = b.size;
        this.warnings = List.copyOf(b.warnings);
    }

    private static boolean moreSpecific(int a, int b) {
        int bits = Integer.bitCount(b) - Integer.bitCount(a);
        return bits < 0 || (bits == 0 && a < b);
    }

    private static final class BuiltIn {
        static final ElementDictionary INSTANCE = loadBuiltIn();
    }

    private static final class CommandGroup {
        static final ElementDictionary INSTANCE = loadBuiltIn(0x0000);
    }

    private static final class Standard {
        static final ElementDictionary INSTANCE = withDictPath(System.getenv("DCMDICTPATH"));
    }

    /**
     * The built-in dictionary plus the files named by the {@code DCMDICTPATH} environment variable (separated by
     * {@code :}, {@code ;} on Windows), loaded once. A file that cannot be read and a malformed line are skipped and
     * reported through {@link #warnings()} and the {@code System.Logger} of this class, naming file and line.
     */
    public static ElementDictionary standard() {
        return Standard.INSTANCE;
    }

    /**
     * Only the command group (0000,eeee) of the built-in dictionary (PS3.7 E.1): what decoding a DIMSE command set
     * needs, without loading (and waiting for) the five thousand entries of the whole dictionary.
     */
    public static ElementDictionary commandGroup() {
        return CommandGroup.INSTANCE;
    }

    /** Only the built-in dictionary (PS3.6), whatever {@code DCMDICTPATH} says. */
    public static ElementDictionary builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** The built-in dictionary extended, tolerantly, with the files of a {@code DCMDICTPATH}-style list. */
    static ElementDictionary withDictPath(String dictPath) {
        Builder b = new Builder(builtIn());
        if (dictPath == null || dictPath.isBlank()) {
            return new ElementDictionary(b);
        }
        for (String file : dictPath.split(File.pathSeparator)) {
            if (file.isBlank()) {
                continue;
            }
            try {
                b.readDcmtk(Path.of(file), problem -> b.warn(problem.getMessage()));
            } catch (IOException | RuntimeException e) {
                b.warn("DCMDICTPATH: cannot read dictionary " + file + ": " + e);
            }
        }
        return new ElementDictionary(b);
    }

    /**
     * A dictionary holding only the entries of one file in DCMTK's dictionary format ({@code dicom.dic}).
     *
     * @throws DictionaryFormatException for the first malformed line, naming file and line number
     */
    public static ElementDictionary load(Path file) throws IOException {
        Builder b = new Builder(null);
        b.readDcmtk(file, DictionaryReader.STRICT);
        return new ElementDictionary(b);
    }

    /**
     * This dictionary with the entries of the given files (DCMTK's dictionary format) added, later ones overriding.
     *
     * @throws DictionaryFormatException for the first malformed line, naming file and line number
     */
    public ElementDictionary extendedWith(Path... files) throws IOException {
        Builder b = new Builder(this);
        for (Path file : files) {
            b.readDcmtk(file, DictionaryReader.STRICT);
        }
        return new ElementDictionary(b);
    }

    private static ElementDictionary loadBuiltIn() {
        return loadBuiltIn(0xFFFF);
    }

    private static ElementDictionary loadBuiltIn(int lastGroup) {
        Builder b = new Builder(null);
        try (InputStream in = ElementDictionary.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUILT_IN_RESOURCE + " is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            DictionaryReader.readBuiltIn(r, BUILT_IN_RESOURCE, b::add, lastGroup);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in data dictionary", e);
        }
        return new ElementDictionary(b);
    }

    /** The entry for a tag: the exact one, else the most specific repeating one, else null. */
    public Entry lookup(int tag) {
        Entry e = exact.get(tag);
        if (e != null) {
            return e;
        }
        for (int i = 0; i < masks.length; i++) {
            for (Link l = repeating[i].get(tag & masks[i]); l != null; l = l.next()) {
                if (l.pattern().contains(tag)) {
                    return l.entry();
                }
            }
        }
        return null;
    }

    /** The entry with this PS3.6 keyword, or null. */
    public Entry lookup(String keyword) {
        return keyword == null ? null : byKeyword.get(keyword);
    }

    /**
     * The VR for implicit VR decoding: the dictionary's, else UL for group lengths (gggg,0000) (PS3.5 7.2), LO for
     * private creators (gggg,0010-00FF) (PS3.5 7.8.1), UN when unknown (PS3.5 6.2.2).
     */
    public VR vrOf(int tag) {
        Entry e = lookup(tag);
        if (e != null) {
            return e.vr();
        }
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        return Tag.isPrivateCreator(tag) ? VR.LO : VR.UN;
    }

    /** The PS3.6 keyword, e.g. PatientName, or null if the tag is not in the dictionary. */
    public String keywordOf(int tag) {
        Entry e = lookup(tag);
        return e == null ? null : e.keyword();
    }

    /** The PS3.6 attribute name, e.g. "Patient's Name", or null if the tag is not in the dictionary. */
    public String nameOf(int tag) {
        Entry e = lookup(tag);
        return e == null ? null : e.name();
    }

    /** The tag for a keyword, or -1. For a repeating entry the first group, e.g. 0x60003000 for OverlayData. */
    public int tagOf(String keyword) {
        Entry e = lookup(keyword);
        return e == null ? -1 : e.tag();
    }

    /** The number of entries (a repeating entry counts once). */
    public int size() {
        return size;
    }

    /** All entries in tag order. */
    public List<Entry> entries() {
        TreeMap<Long, Entry> sorted = new TreeMap<>(Long::compareUnsigned);
        exact.forEachValue(e -> sorted.put(sortKey(e), e));
        for (IntKeyMap<Link> table : repeating) {
            table.forEachValue(first -> {
                for (Link l = first; l != null; l = l.next()) {
                    sorted.put(sortKey(l.entry()), l.entry());
                }
            });
        }
        return Collections.unmodifiableList(new ArrayList<>(sorted.values()));
    }

    private static long sortKey(Entry e) {
        return ((e.tag() & 0xFFFFFFFFL) << 32) | (~e.mask() & 0xFFFFFFFFL);
    }

    /** What was skipped while loading the {@code DCMDICTPATH} files: one message each, with file and line. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "ElementDictionary[" + size + " entries" + (warnings.isEmpty() ? "" : ", " + warnings.size()
                + " warnings") + "]";
    }

    /** Collects entries; later ones replace earlier ones for the same tags and the same keyword. */
    private static final class Builder {
        final IntKeyMap<Entry> exact;
        final Map<Integer, IntKeyMap<Link>> repeating = new HashMap<>();
        final Map<String, Entry> byKeyword;
        final List<String> warnings = new ArrayList<>();
        int size;

        Builder(ElementDictionary base) {
            if (base == null) {
                exact = new IntKeyMap<>(6000);
                byKeyword = new HashMap<>(8192);
            } else {
                exact = new IntKeyMap<>(base.exact);
                for (int i = 0; i < base.masks.length; i++) {
                    repeating.put(base.masks[i], new IntKeyMap<>(base.repeating[i]));
                }
                byKeyword = new HashMap<>(base.byKeyword);
                size = base.size;
                warnings.addAll(base.warnings);
            }
        }

        void add(TagPattern pattern, Entry entry) {
            Entry replaced;
            if (pattern.isSingleTag()) {
                replaced = exact.put(entry.tag(), entry);
            } else {
                IntKeyMap<Link> table = repeating.computeIfAbsent(entry.mask(), m -> new IntKeyMap<>(64));
                Link chain = table.get(entry.tag());
                replaced = null;
                Link kept = null;
                // Rebuild the chain without an entry for the very same tags; links are shared with the base.
                List<Link> others = new ArrayList<>();
                for (Link l = chain; l != null; l = l.next()) {
                    if (l.pattern().equals(pattern)) {
                        replaced = l.entry();
                    } else {
                        others.add(l);
                    }
                }
                if (replaced != null) {
                    for (int i = others.size() - 1; i >= 0; i--) {
                        kept = new Link(others.get(i).pattern(), others.get(i).entry(), kept);
                    }
                } else {
                    kept = chain;
                }
                table.put(entry.tag(), new Link(pattern, entry, kept));
            }
            if (replaced == null) {
                size++;
            } else if (byKeyword.get(replaced.keyword()) == replaced) {
                byKeyword.remove(replaced.keyword());
            }
            byKeyword.put(entry.keyword(), entry);
        }

        /** DCMTK's files are ASCII; ISO 8859-1 reads any byte, so a stray one fails no file. */
        void readDcmtk(Path file, DictionaryReader.Problems problems) throws IOException {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                DictionaryReader.readDcmtk(r, file.toString(), this::add, this::nameFor, problems);
            }
        }

        /** DCMTK's files carry keywords only: keep the PS3.6 name where the keyword is known, else the keyword. */
        String nameFor(String keyword) {
            Entry known = byKeyword.get(keyword);
            return known != null ? known.name() : keyword;
        }

        void warn(String message) {
            warnings.add(message);
            // looked up only here: System.getLogger boots java.util.logging (~15 ms), which a run without
            // DCMDICTPATH problems never needs
            System.getLogger(ElementDictionary.class.getName()).log(System.Logger.Level.WARNING, message);
        }
    }
}
