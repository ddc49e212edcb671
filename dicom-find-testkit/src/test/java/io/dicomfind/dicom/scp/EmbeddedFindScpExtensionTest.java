package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as users register it: static (one SCP per class) and per test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedFindScpExtensionTest {

    @RegisterExtension
    static EmbeddedFindScpExtension perClass = new EmbeddedFindScpExtension(EmbeddedFindScp.builder()
            .aeTitle("WORKLIST").worklist(List.of(EmbeddedFindScpTest.item(1), EmbeddedFindScpTest.item(2))));

    @RegisterExtension
    EmbeddedFindScpExtension perTest = new EmbeddedFindScpExtension(EmbeddedFindScp.builder().aeTitle("PERTEST")
            .worklist(List.of(EmbeddedFindScpTest.item(3))));

    static int firstPerTestPort;
    static EmbeddedFindScp firstPerTestScp;

    @Test
    @Order(1)
    void bothRunDuringATest() throws Exception {
        assertEquals("WORKLIST", perClass.aeTitle());
        try (Association as = Association.open(EmbeddedFindScpTest.config(perClass.scp()).build())) {
            Attributes keys = new Attributes();
            keys.setNull(Tag.PatientName, VR.PN);
            FindResponse last = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys, r -> true);
            assertTrue(last.status().isSuccess());
        }
        assertEquals(1, perClass.counters().queries());
        firstPerTestScp = perTest.scp();
        assertTrue(firstPerTestScp.isRunning());
    }

    @Test
    @Order(2)
    void staticOneSurvivesInstanceOneIsNew() {
        assertEquals(1, perClass.counters().queries(), "same SCP as in the first test");
        assertTrue(perTest.scp() != firstPerTestScp, "a new SCP per test");
        assertTrue(!firstPerTestScp.isRunning(), "the previous test's SCP was stopped");
        assertEquals(0, perTest.counters().queries());
    }

    @AfterAll
    static void staticStoppedAfterAll() {
        // user @AfterAll methods run before the extension's afterAll: the class-level SCP is still up here
        assertTrue(perClass.scp().isRunning());
    }
}
