package io.dicomfind.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.ElementDictionary.Entry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElementDictionaryTest {

    private final ElementDictionary dict = ElementDictionary.builtIn();

    @TempDir
    Path tmp;

    @Test
    void commonTagsHaveTheirPs36Facts() {
        Entry e = dict.lookup(Tag.PatientName);
        assertNotNull(e);
        assertEquals(Tag.PatientName, e.tag());
        assertEquals(0xFFFFFFFF, e.mask());
        assertFalse(e.repeating());
        assertEquals(VR.PN, e.vr());
        assertEquals("1", e.vm());
        assertEquals("PatientName", e.keyword());
        assertEquals("Patient's Name", e.name());
        assertFalse(e.retired());
        assertEquals("(0010,0010)", e.tagPattern());

        assertEquals(VR.UI, dict.vrOf(Tag.StudyInstanceUID));
        assertEquals(VR.SQ, dict.vrOf(Tag.ScheduledProcedureStepSequence));
        assertEquals(VR.CS, dict.vrOf(Tag.QueryRetrieveLevel));
        assertEquals("1-n", dict.lookup(Tag.SpecificCharacterSet).vm());
        assertEquals("ImageType", dict.keywordOf(0x00080008));
        assertEquals("2-n", dict.lookup(0x00080008).vm());
        assertEquals("Accession Number", dict.nameOf(Tag.AccessionNumber));
        // Command elements (PS3.7 E.1) are in the dictionary too, for dumps of DIMSE messages.
        assertEquals(VR.US, dict.vrOf(Tag.CommandField));
        assertEquals("MessageIDBeingRespondedTo", dict.keywordOf(Tag.MessageIDBeingRespondedTo));
        assertEquals(VR.UL, dict.vrOf(Tag.FileMetaInformationGroupLength));
    }

    @Test
    void repeatingGroupsMatchEveryEvenGroupOfTheirRange() {
        for (int group = 0x6000; group <= 0x60FE; group += 2) {
            Entry e = dict.lookup((group << 16) | 0x3000);
            assertNotNull(e, Integer.toHexString(group));
            assertEquals("OverlayData", e.keyword());
        }
        Entry overlay = dict.lookup(0x60023000);
        assertEquals(VR.OW, overlay.vr(), "OB or OW: OW for implicit VR");
        assertEquals(0x60003000, overlay.tag());
        assertEquals(0xFF00FFFF, overlay.mask());
        assertTrue(overlay.repeating());
        assertEquals("(60xx,3000)", overlay.tagPattern());
        assertEquals("Overlay Data", overlay.name());
        assertEquals(VR.US, dict.vrOf(0x601E0010));
        assertEquals("OverlayRows", dict.keywordOf(0x601E0010));

        // Odd groups are private (PS3.5 7.8), never a repeating group.
        assertNull(dict.lookup(0x60013000));
        assertEquals(VR.UN, dict.vrOf(0x60013000));

        Entry curve = dict.lookup(0x50023000);
        assertEquals("CurveData", curve.keyword());
        assertTrue(curve.retired());
        assertEquals("(50xx,3000)", curve.tagPattern());
        assertEquals("AudioComments", dict.keywordOf(0x501E200E));
    }

    @Test
    void repeatingElementsAndRetiredEntries() {
        for (int element = 0x3100; element <= 0x31FF; element++) {
            Entry e = dict.lookup(0x00200000 | element);
            assertNotNull(e, Integer.toHexString(element));
            assertEquals("SourceImageIDs", e.keyword());
            assertTrue(e.retired());
            assertEquals(VR.CS, e.vr());
            assertEquals(0xFFFFFF00, e.mask());
        }
        assertEquals("(0020,31xx)", dict.lookup(0x00203100).tagPattern());
        assertNull(dict.lookup(0x00203200));
        // Retired keywords are PS3.6's, without DCMTK's RETIRED_ prefix.
        assertEquals(0x00203100, dict.tagOf("SourceImageIDs"));
        assertEquals(-1, dict.tagOf("RETIRED_SourceImageIDs"));
        assertTrue(dict.lookup(0x00080001).retired());
        assertEquals("LengthToEnd", dict.keywordOf(0x00080001));
    }

    @Test
    void exactEntriesWinOverRepeatingOnes() {
        // (7FE0,0010) Pixel Data is also covered by the retired (7Fxx,0010) Variable Pixel Data.
        Entry pixel = dict.lookup(0x7FE00010);
        assertEquals("PixelData", pixel.keyword());
        assertFalse(pixel.retired());
        assertEquals(VR.OW, pixel.vr());
        assertEquals("VariablePixelData", dict.keywordOf(0x7F020010));
        assertEquals("VariablePixelData", dict.keywordOf(0x7FE20010));
        assertEquals("ExtendedOffsetTable", dict.keywordOf(0x7FE00001));
    }

    @Test
    void oneVrIsChosenWherePs36AllowsSeveral() {
        assertEquals(VR.US, dict.vrOf(0x00280106), "SmallestImagePixelValue: US or SS");
        assertEquals(VR.US, dict.vrOf(0x00283002), "LUTDescriptor: US or SS");
        assertEquals(VR.OW, dict.vrOf(0x00283006), "LUTData: US or OW");
        assertEquals(VR.OW, dict.vrOf(0x54001010), "WaveformData: OB or OW");
        assertEquals(VR.UL, dict.vrOf(0x00041400), "OffsetOfTheNextDirectoryRecord");
        assertEquals(VR.OB, dict.vrOf(Tag.FileMetaInformationVersion));
    }

    @Test
    void unknownPrivateAndGroupLengthTags() {
        assertNull(dict.lookup(0x00091010));
        assertNull(dict.keywordOf(0x00091010));
        assertNull(dict.nameOf(0x00091010));
        assertEquals(VR.UN, dict.vrOf(0x00091010));
        assertEquals(VR.LO, dict.vrOf(0x00090010), "private creator");
        assertEquals(VR.LO, dict.vrOf(0x7FE100FF), "private creator");
        assertEquals(VR.UN, dict.vrOf(0x00090100), "first private data element, not a creator");
        assertEquals(VR.UL, dict.vrOf(0x00090000), "private group length");
        assertEquals(VR.UL, dict.vrOf(0x00080000), "retired group length");
        assertEquals(VR.UN, dict.vrOf(0x00080002), "unassigned standard tag");
        assertEquals(-1, dict.tagOf("NoSuchKeyword"));
        assertEquals(-1, dict.tagOf(null));
        assertEquals(-1, dict.tagOf("patientname"), "keywords are case sensitive");
    }

    @Test
    void keywordsAndTagsMapBothWays() {
        assertEquals(Tag.PatientID, dict.tagOf("PatientID"));
        assertEquals(Tag.StudyDate, dict.tagOf("StudyDate"));
        assertEquals(Tag.ScheduledProcedureStepSequence, dict.tagOf("ScheduledProcedureStepSequence"));
        assertEquals(0x60003000, dict.tagOf("OverlayData"));
        Set<String> keywords = new HashSet<>();
        for (Entry e : dict.entries()) {
            assertTrue(keywords.add(e.keyword()), "keyword twice: " + e.keyword());
            assertSame(e, dict.lookup(e.keyword()));
            assertEquals(e.tag(), dict.tagOf(e.keyword()));
            assertSame(e, dict.lookup(e.tag()), e.keyword());
            assertTrue(e.keyword().matches("[A-Za-z][A-Za-z0-9]*"), e.keyword());
            assertFalse(e.name().isBlank(), e.keyword());
        }
    }

    @Test
    void countsAreThoseOfPs36() {
        // dicom.dic 2022b has 4996 entries, 5 of them catch-alls for private and group-length tags.
        int size = dict.size();
        assertTrue(size > 4900 && size < 5100, "size " + size);
        List<Entry> entries = dict.entries();
        assertEquals(size, entries.size());
        long repeating = entries.stream().filter(Entry::repeating).count();
        assertTrue(repeating > 60 && repeating < 100, "repeating " + repeating);
        long retired = entries.stream().filter(Entry::retired).count();
        assertTrue(retired > 400 && retired < 700, "retired " + retired);
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(Integer.compareUnsigned(entries.get(i - 1).tag(), entries.get(i).tag()) <= 0);
        }
        assertSame(ElementDictionary.builtIn(), ElementDictionary.builtIn());
        assertSame(ElementDictionary.standard(), ElementDictionary.standard());
    }

    @Test
    void dcmdictpathFilesAddAndOverrideLaterOnesWinning() throws IOException {
        Path first = write("first.dic",
                "# local additions",
                "(0010,0010)\tLO\tPatientName\t1\tDICOM",
                "(4440,0010)\tSH\tOurFirstTag\t1\tLOCAL",
                "(6000-60FF,3000)\tOB\tOverlayData\t1\tDICOM",
                "(4442,1000-u-10FF)\tFD\tOurRange\t1-n\tLOCAL");
        Path second = write("second.dic",
                "(4440,0010)\tUS\tOurSecondTag\t2\tLOCAL/retired");
        ElementDictionary d = ElementDictionary.withDictPath(first + File.pathSeparator + second);

        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        assertEquals(VR.LO, d.vrOf(Tag.PatientName));
        assertEquals("Patient's Name", d.nameOf(Tag.PatientName), "PS3.6 name kept for a known keyword");
        Entry ours = d.lookup(0x44400010);
        assertEquals("OurSecondTag", ours.keyword());
        assertEquals(VR.US, ours.vr());
        assertEquals("2", ours.vm());
        assertTrue(ours.retired());
        assertEquals(-1, d.tagOf("OurFirstTag"), "the overridden keyword is gone");
        assertEquals(0x44400010, d.tagOf("OurSecondTag"));
        assertEquals(VR.OB, d.vrOf(0x60203000));
        assertEquals("OverlayData", d.keywordOf(0x60203000));
        assertEquals(VR.FD, d.vrOf(0x44421001), "u: odd and even elements");
        assertEquals(VR.FD, d.vrOf(0x444210FF));
        assertNull(d.lookup(0x44421100));
        assertEquals(dict.size() + 2, d.size(), "two new entries, three replaced");
        // The built-in dictionary is untouched.
        assertEquals(VR.PN, dict.vrOf(Tag.PatientName));
        assertEquals(VR.OW, dict.vrOf(0x60203000));
        assertNull(dict.lookup(0x44400010));
    }

    @Test
    void dcmdictpathIsTolerantAndSaysWhereItStumbled() throws IOException {
        Path bad = write("bad.dic",
                "(0011,1001)\tLO\tGood1\t1\tLOCAL",
                "(0011,10X2)\tLO\tBadTag\t1\tLOCAL",
                "(0011,1003)\tQQ\tBadVR\t1\tLOCAL",
                "(0011,1004)\tLO",
                "(0011,1005)\tLO\tGood2");
        Path missing = tmp.resolve("missing.dic");
        ElementDictionary d = ElementDictionary.withDictPath(bad + File.pathSeparator + File.pathSeparator + missing);

        assertEquals("Good1", d.keywordOf(0x00111001));
        assertEquals("Good2", d.keywordOf(0x00111005));
        assertEquals("1", d.lookup(0x00111005).vm(), "VM defaults to 1");
        List<String> w = d.warnings();
        assertEquals(4, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(bad + ":2: malformed tag '(0011,10X2)'"), w.get(0));
        assertTrue(w.get(1).startsWith(bad + ":3: unknown VR 'QQ'"), w.get(1));
        assertTrue(w.get(2).startsWith(bad + ":4: expected at least tag, VR and keyword"), w.get(2));
        assertTrue(w.get(3).contains(missing.toString()) && w.get(3).startsWith("DCMDICTPATH: cannot read"),
                w.get(3));
        assertTrue(ElementDictionary.withDictPath(null).warnings().isEmpty());
        assertEquals(dict.size(), ElementDictionary.withDictPath("").size());
    }

    @Test
    void strictLoadingFailsOnTheFirstMalformedLineWithFileAndLine() throws IOException {
        Path bad = write("strict.dic",
                "# comment",
                "",
                "(0011,1001)\tLO\tGood1\t1\tLOCAL",
                "(0011,1002-1001)\tLO\tBackwards\t1\tLOCAL");
        DictionaryFormatException e = assertThrows(DictionaryFormatException.class, () -> dict.extendedWith(bad));
        assertEquals(bad.toString(), e.source());
        assertEquals(4, e.line());
        assertEquals(bad + ":4: range in tag '(0011,1002-1001)' runs backwards", e.getMessage());
        assertThrows(DictionaryFormatException.class, () -> ElementDictionary.load(bad));
        assertThrows(IOException.class, () -> ElementDictionary.load(tmp.resolve("nope.dic")));
    }

    @Test
    void readsTheWholeDcmtkSyntax() throws IOException {
        Path f = write("syntax.dic",
                "#\tcomment",
                "(0028,0106)\txs\tSmallest\t1\tDICOM\r",
                "(0028,3006)\tlt\tLut\t1-n\tDICOM",
                "(0004,1400)\tup\tOffset\t1\tDICOM",
                "(7FE0,0010)\tpx\tPixels\t1\tDICOM",
                "(5400,1010)\tox\tWave\t1\tDICOM",
                "(FFFE,E000)\tna\tAnItem\t1\tDICOM",
                "(0029,\"SIEMENS CSA HEADER\",08)\tCS\tCsaImageHeaderType\t1\tPrivateTag",
                "(0009-o-FFFF,0000)\tUL\tPrivateGroupLength\t1\tPRIVATE",
                "(0009-o-FFFF,0010-u-00FF)\tLO\tPrivateCreator\t1\tPRIVATE",
                "(1000-1002,1020)\tUS\tEvenGroups\t1\tDICOM",
                "(0020,3100-31FF)\tCS\tRETIRED_SourceImageIDs\t1-n\tDICOM/retired",
                "(0041,0010)  LO  SpacedFields  1",
                "(0041,1001)\tUL\tFourFields\t1-n",
                "(00a1,10b3)\tUL\tLowerCaseHex\t1\tLOCAL");
        ElementDictionary d = ElementDictionary.load(f);
        assertEquals(VR.US, d.vrOf(0x00280106));
        assertEquals(VR.OW, d.vrOf(0x00283006));
        assertEquals(VR.UL, d.vrOf(0x00041400));
        assertEquals(VR.OW, d.vrOf(0x7FE00010));
        assertEquals(VR.OW, d.vrOf(0x54001010));
        assertEquals("AnItem", d.keywordOf(Tag.Item));
        assertNull(d.lookup(0x00291008), "private creator entries are skipped");
        assertEquals("PrivateGroupLength", d.keywordOf(0x00330000));
        assertNull(d.lookup(0x00320000), "odd groups only");
        assertEquals("PrivateCreator", d.keywordOf(0x00330011));
        assertEquals("PrivateCreator", d.keywordOf(0xFFFD00FF));
        assertNull(d.lookup(0x00330100));
        assertEquals("EvenGroups", d.keywordOf(0x10021020));
        assertNull(d.lookup(0x10011020), "a plain range holds the even numbers");
        assertNull(d.lookup(0x00203101), "a plain range holds the even numbers");
        assertEquals("SourceImageIDs", d.keywordOf(0x002031FE));
        assertTrue(d.lookup(0x002031FE).retired());
        assertEquals("SourceImageIDs", d.lookup(0x002031FE).name(), "no name in the file: the keyword");
        assertEquals("SpacedFields", d.keywordOf(0x00410010));
        assertEquals("1-n", d.lookup(0x00411001).vm());
        assertEquals("LowerCaseHex", d.keywordOf(0x00A110B3));
        assertEquals(13, d.size());
        assertTrue(d.warnings().isEmpty());
    }

    @Test
    void lookupIsCheapEnoughForImplicitVrDecoding() {
        // Not a benchmark: a guard against an accidental linear scan (10 million look-ups, mostly misses).
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 10_000_000; i++) {
            int tag = (0x0008 + (i & 0x7F) * 2) << 16 | (i * 31 & 0xFFFF);
            if (dict.lookup(tag) != null) {
                found++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(found > 0);
        assertTrue(millis < 5_000, "10M look-ups took " + millis + " ms");
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.ISO_8859_1);
        return p;
    }
}
