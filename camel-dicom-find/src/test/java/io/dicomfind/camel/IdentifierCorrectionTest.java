package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** dataCorrection (findscu +dc): what is repaired, and that a clean identifier costs no allocation. */
class IdentifierCorrectionTest {

    private static Attributes clean() {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "DOE^JOHN");
        a.setString(Tag.PatientID, VR.LO, "ID1");
        for (int i = 0; i < 2; i++) {
            Attributes step = a.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
            step.setString(Tag.Modality, VR.CS, "CT");
        }
        return a;
    }

    @Test
    void removesGroupLengthsCommandAndFileMetaElementsAndRetypesUnAtEveryLevel() {
        Attributes a = clean();
        a.set(0x00100000, VR.UL, new byte[] {8, 0, 0, 0}); // group length (0010,0000)
        a.setString(0x00000902, VR.LO, "stray command element");
        a.setString(0x00020010, VR.UI, "1.2.840.10008.1.2.1");
        Attributes step = a.getSequence(Tag.ScheduledProcedureStepSequence).get(0);
        step.set(0x00400001, VR.UN, "CT01".getBytes(StandardCharsets.US_ASCII)); // Scheduled Station AE Title
        step.set(0x00080000, VR.UL, new byte[] {0, 0, 0, 0});

        assertEquals(5, IdentifierCorrection.apply(a));
        assertFalse(a.contains(0x00100000));
        assertFalse(a.contains(0x00000902));
        assertFalse(a.contains(0x00020010));
        assertFalse(step.contains(0x00080000));
        assertEquals(VR.AE, step.vr(0x00400001));
        assertEquals("CT01", step.getString(0x00400001));
        assertEquals("DOE^JOHN", a.getString(Tag.PatientName));
    }

    @Test
    void aCleanIdentifierIsLeftAloneWithoutAllocating() {
        Attributes a = clean();
        String before = a.toString();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int corrections = 0;
        for (int i = 0; i < 10_000; i++) { // warm up: class loading, first calls
            corrections += IdentifierCorrection.apply(a);
        }
        long start = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            corrections += IdentifierCorrection.apply(a);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - start;
        assertEquals(0, corrections);
        assertEquals(before, a.toString());
        // one list, iterator or boxed tag per data set or item would be hundreds of kilobytes for 10,000 calls
        assertTrue(allocated < 4096, allocated + " bytes allocated by 10,000 corrections of a clean identifier");
    }
}
