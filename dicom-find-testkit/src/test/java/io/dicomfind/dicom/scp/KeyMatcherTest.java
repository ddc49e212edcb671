package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PS3.4 C.2.2.2 matching, one rule at a time. */
class KeyMatcherTest {
    static final KeyMatcher SENSITIVE = new KeyMatcher(MatchingRules.DEFAULT);
    static final KeyMatcher PN_INSENSITIVE = new KeyMatcher(new MatchingRules(true));

    static boolean match(KeyMatcher m, int tag, VR vr, String key, String stored) {
        Attributes k = new Attributes();
        k.setString(tag, vr, key);
        Attributes r = new Attributes();
        if (stored != null) {
            r.setString(tag, vr, stored);
        }
        return m.matches(k, r);
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        // single value, case-sensitive (C.2.2.2.1)
        "LO|PID1|PID1|true", "LO|PID1|pid1|false", "LO|PID1|PID10|false", "PN|DOE^JOHN|doe^john|false",
        // universal (C.2.2.2.3), '*' alone also matches absent values (C.2.2.2.4)
        "LO|*|NULL|true", "LO|**|x|true", "LO|PID*|NULL|false",
        // wildcards (C.2.2.2.4)
        "PN|DOE*|DOE^JOHN|true", "PN|D*^J*|DOE^JANE|true", "PN|D*^J*|SMITH^JOHN|false", "SH|ACC100?|ACC1005|true",
        "SH|ACC100?|ACC10050|false", "SH|*5|ACC1005|true", "SH|A*C*5|ACC1005|true", "PN|王*|王^小明|true",
        "PN|?^小明|王^小明|true",
        // no wildcards in UI or DA: literal
        "UI|1.2.*|1.2.3|false",
        // list of UIDs (C.2.2.2.2)
        "UI|1.2.3\\1.2.4|1.2.4|true", "UI|1.2.3\\1.2.4|1.2.5|false",
        // multi-valued stored values: any matches
        "AE|NN77|CC56\\NN77|true", "AE|XX|CC56\\NN77|false",
        // date ranges (C.2.2.2.5)
        "DA|20200101-20201231|20200615|true", "DA|20200101-20201231|20210101|false", "DA|-20191231|20191231|true",
        "DA|-20191231|20200101|false", "DA|20220101-|20221214|true", "DA|20220101-|20211231|false",
        "DA|20200615|20200615|true", "DA|20200615|2020.06.15|true",
        // time ranges, partial times extended
        "TM|080000-115959|093000|true", "TM|080000-115959|120000|false", "TM|08-11|115959.5|true",
        "TM|-0800|080059|true", "TM|-0800|080100|false",
        // datetime ranges
        "DT|20240101-20240131|20240115103000|true", "DT|20240101120000-|20240101115959|false",
        "DT|20240101120000-0500|20240101120000|true"})
    void rules(VR vr, String key, String stored, boolean expected) {
        int tag = switch (vr) {
            case PN -> Tag.PatientName;
            case UI -> Tag.StudyInstanceUID;
            case DA -> Tag.StudyDate;
            case TM -> 0x00080030;
            case DT -> 0x0008002A;
            case AE -> 0x00400001;
            case SH -> Tag.AccessionNumber;
            default -> Tag.PatientID;
        };
        assertEquals(expected, match(SENSITIVE, tag, vr, key, stored));
    }

    @Test
    void personNamesCaseInsensitiveWhenConfigured() {
        assertTrue(match(PN_INSENSITIVE, Tag.PatientName, VR.PN, "doe*", "DOE^JOHN"));
        assertTrue(match(PN_INSENSITIVE, Tag.PatientName, VR.PN, "müller^jürgen", "MÜLLER^JÜRGEN"));
        assertFalse(match(PN_INSENSITIVE, Tag.PatientID, VR.LO, "pid1", "PID1"), "only PN");
    }

    @Test
    void specificCharacterSetAndLevelAreNotMatched() {
        Attributes k = new Attributes();
        k.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        assertTrue(SENSITIVE.matches(k, new Attributes()));
    }

    @Test
    void valuesAreComparedAsTextAcrossCharacterSets() {
        Attributes k = new Attributes();
        k.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        k.set(Tag.PatientName, VR.PN, "Müller*".getBytes(StandardCharsets.ISO_8859_1));
        Attributes r = new Attributes();
        r.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        r.set(Tag.PatientName, VR.PN, "Müller^Jürgen".getBytes(StandardCharsets.UTF_8));
        assertTrue(SENSITIVE.matches(k, r));
    }

    @Test
    void sequenceMatchingOnAnyItem() {
        Attributes r = new Attributes();
        var seq = r.newSequence(Tag.ScheduledProcedureStepSequence);
        seq.addItem().setString(Tag.Modality, VR.CS, "MR");
        seq.addItem().setString(Tag.Modality, VR.CS, "CT");

        Attributes ct = new Attributes();
        ct.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, VR.CS, "CT");
        assertTrue(SENSITIVE.matches(ct, r));

        Attributes us = new Attributes();
        us.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, VR.CS, "US");
        assertFalse(SENSITIVE.matches(us, r));
        assertFalse(SENSITIVE.matches(ct, new Attributes()), "no stored sequence");

        Attributes returnKeyOnly = new Attributes();
        returnKeyOnly.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setNull(Tag.Modality, VR.CS);
        assertTrue(SENSITIVE.matches(returnKeyOnly, new Attributes()), "an item of return keys is universal");
    }

    @Test
    void responsesHoldOnlyRequestedKeysAndMatchingItems() {
        Attributes r = new Attributes();
        r.setString(Tag.PatientName, VR.PN, "DOE^JOHN");
        r.setString(Tag.PatientID, VR.LO, "P1");
        var seq = r.newSequence(Tag.ScheduledProcedureStepSequence);
        seq.addItem().setString(Tag.Modality, VR.CS, "MR");
        Attributes ctItem = seq.addItem();
        ctItem.setString(Tag.Modality, VR.CS, "CT");
        ctItem.setString(0x00400001, VR.AE, "CT01");

        Attributes k = new Attributes();
        k.setNull(Tag.PatientName, VR.PN);
        k.setNull(Tag.AccessionNumber, VR.SH);
        Attributes kItem = k.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        kItem.setString(Tag.Modality, VR.CS, "CT");
        kItem.setNull(0x00400001, VR.AE);

        Attributes rsp = new ResponseBuilder(SENSITIVE, ResponseCharacterSet.AS_STORED).build(k, r);
        assertEquals(3, rsp.size(), rsp.toString());
        assertEquals("DOE^JOHN", rsp.getString(Tag.PatientName));
        assertTrue(rsp.contains(Tag.AccessionNumber) && rsp.getString(Tag.AccessionNumber) == null,
                "requested but not stored: zero length");
        var items = rsp.getSequence(Tag.ScheduledProcedureStepSequence);
        assertEquals(1, items.size(), "only the matching item");
        assertEquals("CT01", items.get(0).getString(0x00400001));
        assertEquals(2, items.get(0).size());
    }

    @Test
    void responsesConvertToTheQueryCharacterSetWhenAsked() {
        Attributes r = new Attributes();
        r.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        r.set(Tag.PatientName, VR.PN, "Müller^Jürgen".getBytes(StandardCharsets.ISO_8859_1));
        Attributes k = new Attributes();
        k.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        k.setNull(Tag.PatientName, VR.PN);
        Attributes rsp = new ResponseBuilder(SENSITIVE, ResponseCharacterSet.QUERY).build(k, r);
        assertEquals("ISO_IR 192", rsp.getString(Tag.SpecificCharacterSet));
        assertEquals("Müller^Jürgen", rsp.getString(Tag.PatientName));
        Attributes stored = new ResponseBuilder(SENSITIVE, ResponseCharacterSet.AS_STORED).build(k, r);
        assertEquals("ISO_IR 100", stored.getString(Tag.SpecificCharacterSet));
    }
}
