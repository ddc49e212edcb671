package io.dicomfind.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UIDTest {

    @Test
    void namesOfTheUidsFindscuUses() {
        assertEquals("Verification SOP Class", UID.nameOf(UID.Verification));
        assertEquals("Study Root Query/Retrieve Information Model - FIND",
                UID.nameOf("1.2.840.10008.5.1.4.1.2.2.1"));
        assertEquals("Patient Root Query/Retrieve Information Model - FIND",
                UID.nameOf(UID.PatientRootQueryRetrieveInformationModelFind));
        assertEquals("Patient/Study Only Query/Retrieve Information Model - FIND",
                UID.nameOf(UID.PatientStudyOnlyQueryRetrieveInformationModelFind));
        assertEquals("Modality Worklist Information Model - FIND",
                UID.nameOf(UID.ModalityWorklistInformationModelFind));
        assertEquals("Implicit VR Little Endian", UID.nameOf(UID.ImplicitVRLittleEndian));
        assertEquals("Explicit VR Little Endian", UID.nameOf(UID.ExplicitVRLittleEndian));
        assertEquals("Deflated Explicit VR Little Endian", UID.nameOf(UID.DeflatedExplicitVRLittleEndian));
        assertEquals("Explicit VR Big Endian", UID.nameOf(UID.ExplicitVRBigEndian));
        assertEquals("DICOM Application Context Name", UID.nameOf(UID.DICOMApplicationContext));
        assertEquals("Inventory - FIND", UID.nameOf(UID.InventoryFind));
        assertEquals("Repository Query", UID.nameOf(UID.RepositoryQuery));
        assertEquals("Unified Procedure Step - Pull SOP Class", UID.nameOf(UID.UnifiedProcedureStepPull));
        assertEquals("CT Image Storage", UID.nameOf("1.2.840.10008.5.1.4.1.1.2"));
    }

    @Test
    void paddedValuesAndUnknownUids() {
        assertEquals("Verification SOP Class", UID.nameOf("1.2.840.10008.1.1\0"));
        assertEquals("Verification SOP Class", UID.nameOf("1.2.840.10008.1.1 "));
        assertNull(UID.nameOf("1.2.3.4"));
        assertNull(UID.nameOf(null));
        assertNull(UID.lookup(""));
        assertEquals("1.2.3.4", UID.nameOrUid("1.2.3.4"));
        assertEquals("Verification SOP Class", UID.nameOrUid(UID.Verification));
    }

    @Test
    void registryRowsCarryTypeKeywordAndRetiredFlag() {
        UID.Entry e = UID.lookup(UID.ExplicitVRBigEndian);
        assertNotNull(e);
        assertEquals("Transfer Syntax", e.type());
        assertEquals("ExplicitVRBigEndian", e.keyword());
        assertTrue(e.retired());
        assertFalse(UID.lookup(UID.ExplicitVRLittleEndian).retired());
        assertEquals("SOP Class", UID.lookup(UID.StudyRootQueryRetrieveInformationModelFind).type());
        assertTrue(UID.lookup(UID.PatientStudyOnlyQueryRetrieveInformationModelFind).retired());
        assertTrue(UID.lookup(UID.GeneralPurposeWorklistInformationModelFind).retired());
        assertEquals("Application Context Name", UID.lookup(UID.DICOMApplicationContext).type());
        assertEquals("StudyRootQueryRetrieveInformationModelFind",
                UID.keywordOf(UID.StudyRootQueryRetrieveInformationModelFind));
    }

    @Test
    void keywordsAndNamesLeadBackToTheUid() {
        assertEquals("1.2.840.10008.5.1.4.31", UID.forKeyword("ModalityWorklistInformationModelFind"));
        assertNull(UID.forKeyword("modalityworklistinformationmodelfind"));
        assertNull(UID.forKeyword("NoSuchThing"));
        assertNull(UID.forKeyword(null));
        assertEquals(UID.StudyRootQueryRetrieveInformationModelFind,
                UID.forName("study root query/retrieve information model - FIND"));
        assertEquals(UID.Verification, UID.forName(" Verification SOP Class "));
        // The retired Ultrasound Image Storage (…1.1.6) has the same name as the current one.
        assertEquals("1.2.840.10008.5.1.4.1.1.6.1", UID.forName("Ultrasound Image Storage"));
        assertNull(UID.forName("No Such Name"));
        assertNull(UID.forName(null));
    }

    @Test
    void everyConstantIsTheRegisteredUidOfItsKeyword() throws IllegalAccessException {
        int checked = 0;
        for (Field f : UID.class.getFields()) {
            if (f.getType() != String.class || !Modifier.isStatic(f.getModifiers())
                    || f.getName().equals(f.getName().toUpperCase())) {
                continue; // our own constants, IMPLEMENTATION_CLASS_UID and the like
            }
            String value = (String) f.get(null);
            assertEquals(value, UID.forKeyword(f.getName()), f.getName());
            assertTrue(UID.isValid(value), f.getName());
            checked++;
        }
        assertTrue(checked >= 30, "checked " + checked);
    }

    @Test
    void findSopClassesAreRegisteredFindOrQueryClasses() {
        Set<String> seen = new HashSet<>();
        for (String uid : UID.FIND_SOP_CLASSES) {
            assertTrue(seen.add(uid), uid);
            UID.Entry e = UID.lookup(uid);
            assertNotNull(e, uid);
            assertEquals("SOP Class", e.type(), uid);
            assertTrue(e.name().contains("FIND") || e.name().contains("Query") || e.name().contains("Pull")
                    || e.name().contains("Watch"), e.name());
        }
        assertEquals(22, UID.FIND_SOP_CLASSES.size());
        assertTrue(UID.FIND_SOP_CLASSES.contains(UID.StudyRootQueryRetrieveInformationModelFind));
        assertFalse(UID.FIND_SOP_CLASSES.contains(UID.UnifiedProcedureStepPush));
    }

    @Test
    void theRegistryIsPs36TableA1() {
        int size = UID.registrySize();
        assertTrue(size > 440 && size < 600, "size " + size);
        assertEquals(size, UID.registry().size());
        for (UID.Entry e : UID.registry()) {
            assertTrue(UID.isValid(e.uid()), e.uid());
            assertTrue(e.uid().startsWith("1.2.840.10008."), e.uid());
            assertTrue(e.keyword().matches("[A-Za-z][A-Za-z0-9_]*"), e.keyword()); // PUBCHEM_CID, ...
            assertFalse(e.name().isBlank(), e.uid());
            assertEquals(e.uid(), UID.forKeyword(e.keyword()));
        }
    }

    @Test
    void validityFollowsPs35Section91() {
        assertTrue(UID.isValid("1.2.840.10008.1.1"));
        assertTrue(UID.isValid("0.0"));
        assertTrue(UID.isValid("2.25.0"));
        assertTrue(UID.isValid("1.20.300.4000"));
        assertTrue(UID.isValid("1." + "2".repeat(62)), "64 characters");
        assertFalse(UID.isValid("1." + "2".repeat(63)), "65 characters");
        assertFalse(UID.isValid(null));
        assertFalse(UID.isValid(""));
        assertFalse(UID.isValid("1..2"));
        assertFalse(UID.isValid(".1.2"));
        assertFalse(UID.isValid("1.2."));
        assertFalse(UID.isValid("1.02"));
        assertFalse(UID.isValid("01.2"));
        assertFalse(UID.isValid("1.2a"));
        assertFalse(UID.isValid("1.2.840.10008.1.1\0"), "padding is not part of the UID");
        assertFalse(UID.isValid(" 1.2"));
        assertFalse(UID.isValid("1,2"));
        assertFalse(UID.isValid("1.-2"));
    }

    @Test
    void ourImplementationIdentifiers() {
        String uid = UID.IMPLEMENTATION_CLASS_UID;
        assertTrue(UID.isValid(uid));
        assertTrue(uid.startsWith("2.25."), "a UUID-derived UID (PS3.5 B.2)");
        BigInteger uuid = new BigInteger(uid.substring(5));
        assertTrue(uuid.bitLength() <= 128);
        // A random (version 4, variant 1) UUID, as PS3.5 B.2 asks for.
        assertEquals(4, uuid.shiftRight(76).intValue() & 0xF);
        assertEquals(2, uuid.shiftRight(62).intValue() & 0x3);
        assertNull(UID.nameOf(uid));

        String version = UID.IMPLEMENTATION_VERSION_NAME;
        assertTrue(version.length() >= 1 && version.length() <= 16, version);
        assertTrue(version.matches("[\\x20-\\x7E&&[^\\\\]]+"), "SH repertoire: " + version);
    }
}
