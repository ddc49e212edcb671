package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.peers.QueryRetrieveScp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against DCMTK's dcmqrscp with empty storage areas, started by the peer harness ({@link QueryRetrieveScp}). */
class QueryRetrieveScpTest {
    static QueryRetrieveScp scp;

    @BeforeAll
    static void startScp() {
        scp = QueryRetrieveScp.startEmpty();
    }

    @AfterAll
    static void stopScp() {
        scp.close();
    }

    static AssociationConfig.Builder config() {
        return AssociationConfig.builder("127.0.0.1", scp.port()).calledAeTitle(scp.calledAeTitle())
                .acseTimeout(Duration.ofSeconds(10)).dimseTimeout(Duration.ofSeconds(10));
    }

    @Test
    void unknownCalledAeIsRejectedInWords() {
        AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                () -> Association.open(config().calledAeTitle("NOBODY").abstractSyntaxes(
                        SopClasses.STUDY_ROOT_FIND).build()));
        assertEquals(1, e.result());
        assertEquals(1, e.source());
        assertEquals(7, e.reason());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("127.0.0.1:" + scp.port()) && e.getMessage().contains("'NOBODY'")
                && e.getMessage().contains("rejected-permanent by service-user: called-AE-title-not-recognized"),
                e.getMessage());
    }

    @Test
    void worklistIsNotSupportedAndEveryContextResultIsListed() {
        NoPresentationContextException e = assertThrows(NoPresentationContextException.class,
                () -> Association.open(config().abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND).build()));
        assertTrue(e.getMessage().contains("none of the proposed presentation contexts")
                && e.getMessage().contains("context 1 Modality Worklist Information Model - FIND")
                && e.getMessage().contains("abstract-syntax-not-supported"), e.getMessage());
    }

    @Test
    void findOnTheAcceptedContextOfItsOwnAbstractSyntax() throws Exception {
        AssociationConfig cfg = config().abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND,
                SopClasses.PATIENT_ROOT_FIND, SopClasses.STUDY_ROOT_FIND).build();
        try (Association as = Association.open(cfg)) {
            assertFalse(as.presentationContexts().get(0).accepted());
            assertEquals(3, as.presentationContexts().get(0).result());
            assertNull(as.transferSyntax(SopClasses.MODALITY_WORKLIST_FIND));
            NoPresentationContextException e = assertThrows(NoPresentationContextException.class,
                    () -> as.find(SopClasses.MODALITY_WORKLIST_FIND, new Attributes()));
            assertTrue(e.getMessage().contains("no accepted presentation context for Modality Worklist"));
            assertTrue(as.isOpen(), "a missing context is not fatal to the association");
            Attributes keys = new Attributes();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setNull(Tag.StudyInstanceUID, VR.UI);
            keys.setNull(Tag.PatientName, VR.PN);
            FindQuery q = as.find(SopClasses.STUDY_ROOT_FIND, keys);
            assertEquals(5, q.presentationContextId(), "the context of the Study Root abstract syntax");
            FindResponse r = q.nextResponse();
            assertTrue(r.isFinal() && r.status().isSuccess(), "empty database: success only, " + r);
            assertNull(q.nextResponse());
            assertEquals(0, q.pendingCount());
        }
    }

    @Test
    void echoNeedsTheVerificationContext() throws Exception {
        try (Association as = Association.open(config().abstractSyntaxes(SopClasses.STUDY_ROOT_FIND).build())) {
            NoPresentationContextException e = assertThrows(NoPresentationContextException.class, as::echo);
            assertTrue(e.getMessage().contains("it was not proposed"), e.getMessage());
        }
        try (Association as = Association.open(config().abstractSyntaxes(SopClasses.VERIFICATION).build())) {
            assertEquals(DimseStatus.Category.SUCCESS, as.echo().category());
        }
    }
}
