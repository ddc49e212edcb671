package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FindInformationModelTest {

    @ParameterizedTest
    @EnumSource(FindInformationModel.class)
    void eachModelIsARegisteredFindSopClassWithKeysFromTheDictionary(FindInformationModel m) {
        UID.Entry e = UID.lookup(m.sopClassUid());
        assertNotNull(e, m + " UID in PS3.6 Table A-1");
        assertEquals("SOP Class", e.type());
        assertTrue(UID.FIND_SOP_CLASSES.contains(m.sopClassUid()), m + " is a C-FIND SOP Class of PS3.4");
        Attributes keys = m.defaultIdentifier(); // every key parses against the dictionary
        assertEquals(m.hasQueryRetrieveLevel(), keys.contains(Tag.QueryRetrieveLevel));
        assertNull(m.levelProblem(keys), "the default identifier obeys the model's own rule");
        assertEquals(m, FindInformationModel.forName(m.modelName().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(m, FindInformationModel.forSopClass(m.sopClassUid() + "\0"));
    }

    @Test
    void namesAndUidsAreUniqueAndRetiredOnesAreMarked() {
        Set<String> uids = new HashSet<>();
        for (FindInformationModel m : FindInformationModel.values()) {
            assertTrue(uids.add(m.sopClassUid()), m.toString());
        }
        assertTrue(FindInformationModel.PATIENT_STUDY_ONLY.isRetired());
        assertTrue(FindInformationModel.GPWL.isRetired());
        assertFalse(FindInformationModel.STUDY_ROOT.isRetired());
        assertNull(FindInformationModel.forName("Worklist"));
        assertNull(FindInformationModel.forSopClass("1.2.840.10008.5.1.4.1.2.2.2"), "a MOVE class is no FIND model");
    }

    @Test
    void levelRules() {
        Attributes none = new Attributes();
        assertTrue(FindInformationModel.STUDY_ROOT.levelProblem(none).contains("has no Query/Retrieve Level"));
        Attributes patient = new Attributes();
        patient.setString(Tag.QueryRetrieveLevel, VR.CS, "PATIENT");
        assertEquals("Query/Retrieve Level (0008,0052) 'PATIENT' is not a level of StudyRoot ([STUDY, SERIES,"
                + " IMAGE])", FindInformationModel.STUDY_ROOT.levelProblem(patient));
        assertNull(FindInformationModel.PATIENT_ROOT.levelProblem(patient));
        assertTrue(FindInformationModel.MWL.levelProblem(patient).contains("does not belong in a MWL identifier"));
        assertNull(FindInformationModel.MWL.levelProblem(none));
    }
}
