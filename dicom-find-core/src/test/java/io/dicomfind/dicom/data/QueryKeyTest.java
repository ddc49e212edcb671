package io.dicomfind.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryKeyTest {

    private static Attributes apply(String... keys) {
        Attributes ds = new Attributes();
        for (String k : keys) {
            QueryKey.parse(k).applyTo(ds);
        }
        return ds;
    }

    @Test
    void acceptsEveryTagSpellingOfFindscu() {
        Attributes ds = apply("(0010,0010)=DOE*", "0010,0020=ID1", "AccessionNumber=A1", "00080060=CT");
        assertEquals("DOE*", ds.getString(Tag.PatientName));
        assertEquals(VR.PN, ds.vr(Tag.PatientName));
        assertEquals("ID1", ds.getString(Tag.PatientID));
        assertEquals("A1", ds.getString(Tag.AccessionNumber));
        assertEquals("CT", ds.getString(Tag.Modality));
    }

    @Test
    void keyWithoutValueIsAZeroLengthReturnKey() {
        Attributes ds = apply("PatientName", "(0010,0020)=", "StudyDate");
        assertTrue(ds.contains(Tag.PatientName));
        assertNull(ds.value(Tag.PatientName));
        assertNull(ds.value(Tag.PatientID));
        assertEquals(VR.DA, ds.vr(Tag.StudyDate));
    }

    @Test
    void sequencePathsCreateAndMergeItems() {
        Attributes ds = apply("(0040,0100)[0].Modality=CT", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
                "(0040,0100)[0].(0040,0008)[0].CodeValue=X");
        Sequence sps = ds.getSequence(Tag.ScheduledProcedureStepSequence);
        assertEquals(1, sps.size());
        Attributes item = sps.get(0);
        assertEquals("CT", item.getString(Tag.Modality));
        assertTrue(item.contains(0x00400001));
        assertEquals("X", item.getSequence(0x00400008).get(0).getString(0x00080100));
    }

    @Test
    void aSequenceAloneAsksForAllItems() {
        Attributes ds = apply("ReferencedStudySequence");
        assertEquals(VR.SQ, ds.vr(0x00081110));
        assertEquals(0, ds.getSequence(0x00081110).size());
    }

    @Test
    void valuesKeepEqualsSignsAndBackslashes() {
        Attributes ds = apply("PatientName=Yamada^Tarou=山田^太郎", "StudyInstanceUID=1.2.3\\1.2.4");
        assertEquals("Yamada^Tarou=山田^太郎", ds.getString(Tag.PatientName));
        assertEquals(2, ds.getStrings(Tag.StudyInstanceUID).length);
    }

    @Test
    void badKeysSayWhatIsWrong() {
        assertMessage("NoSuchKeyword=1", "unknown attribute name 'NoSuchKeyword'");
        assertMessage("(0010,00ZZ)=1", "is not a tag");
        assertMessage("PatientName[0].Modality=CT", "not a sequence");
        assertMessage("(0040,0100)[x].Modality=CT", "item index 'x' is not a number");
        assertMessage("(0040,0100)[*].Modality=CT", "wildcards");
        assertMessage("(0040,0100)=CT", "a sequence cannot be given a value");
        assertMessage("=CT", "no attribute before '='");
        assertMessage("", "empty key");
    }

    private static void assertMessage(String key, String expected) {
        KeySyntaxException e = assertThrows(KeySyntaxException.class, () -> QueryKey.parse(key));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
