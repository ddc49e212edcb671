package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.UserIdentityRejectedException;
import io.dicomfind.dicom.net.pdu.ExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SOP Class Extended Negotiation (PS3.4 C.5.1.1) and User Identity Negotiation (PS3.7 D.3.3.7) between our
 * requestor and the embedded SCP: accepted, partly accepted, refused, answered without being asked.
 */
class NegotiationTest {
    private static final Set<QueryOption> FOUR = EnumSet.of(QueryOption.RELATIONAL, QueryOption.DATETIME,
            QueryOption.FUZZY, QueryOption.TIMEZONE);

    private static EmbeddedFindScp.Builder scp() {
        Attributes study = new Attributes();
        study.setString(Tag.PatientName, VR.PN, "DOE^JANE");
        study.setString(Tag.PatientID, VR.LO, "P1");
        study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
        study.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.1.1");
        study.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.1.1.1");
        return EmbeddedFindScp.builder().aeTitle("NEGSCP").studies(List.of(study));
    }

    private static AssociationConfig.Builder config(EmbeddedFindScp scp) {
        return AssociationConfig.builder(scp.host(), scp.port()).calledAeTitle(scp.aeTitle())
                .abstractSyntaxes(SopClasses.STUDY_ROOT_FIND, SopClasses.MODALITY_WORKLIST_FIND)
                .acseTimeout(Duration.ofSeconds(10)).dimseTimeout(Duration.ofSeconds(30));
    }

    private static int studies(Association as) throws Exception {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        try (FindQuery q = as.find(SopClasses.STUDY_ROOT_FIND, keys, as.config().priority())) {
            int n = 0;
            while (q.hasNext()) {
                if (q.next().isPending()) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void everyRequestedFeatureAcceptedIsExposedAndTheAssociationWorks() throws Exception {
        try (EmbeddedFindScp scp = scp().acceptQueryOptions(QueryOption.values()).start();
                Association as = Association.open(config(scp).queryOptions(EnumSet.allOf(QueryOption.class))
                        .build())) {
            assertEquals(EnumSet.allOf(QueryOption.class), as.acceptedQueryOptions(SopClasses.STUDY_ROOT_FIND));
            assertEquals(Set.of(), as.acceptedQueryOptions(SopClasses.MODALITY_WORKLIST_FIND),
                    "the worklist has no C-FIND extended negotiation (PS3.4 C.5.1.1 is for Q/R)");
            assertEquals(7, as.associateAc().userInformation().extendedNegotiation(SopClasses.STUDY_ROOT_FIND)
                    .length());
            assertEquals(1, studies(as));
        }
    }

    @Test
    void partlyAcceptedOnlyExposesWhatTheScpAccepted() throws Exception {
        try (EmbeddedFindScp scp = scp().acceptQueryOptions(QueryOption.DATETIME, QueryOption.MULTIPLE_VALUE)
                .start(); Association as = Association.open(config(scp).queryOptions(FOUR).build())) {
            assertEquals(EnumSet.of(QueryOption.DATETIME), as.acceptedQueryOptions(SopClasses.STUDY_ROOT_FIND),
                    "multiple value matching was not asked for, so it is not accepted either");
            assertEquals(FOUR, as.negotiatedOptions().requested(SopClasses.STUDY_ROOT_FIND));
            byte[] answer = as.associateAc().userInformation().extendedNegotiation(SopClasses.STUDY_ROOT_FIND)
                    .applicationInformation();
            assertArrayEquals(new byte[] {0, 1, 0, 0}, answer, "as long as the request's field");
        }
    }

    @Test
    void anScpThatDoesNotNegotiateAcceptsNothingAndQueriesStillRun() throws Exception {
        try (EmbeddedFindScp scp = scp().start();
                Association as = Association.open(config(scp).queryOptions(FOUR).build())) {
            assertEquals(Set.of(), as.acceptedQueryOptions(SopClasses.STUDY_ROOT_FIND));
            assertTrue(as.associateAc().userInformation().extendedNegotiations().isEmpty());
            assertEquals(1, studies(as));
        }
    }

    @Test
    void anAnswerToASubItemNotAskedForIsIgnored() throws Exception {
        try (EmbeddedFindScp scp = scp().acceptQueryOptions(QueryOption.RELATIONAL)
                .unsolicitedExtendedNegotiation(new ExtendedNegotiation(SopClasses.PATIENT_ROOT_FIND,
                        new byte[] {1, 1, 1, 1}))
                .unsolicitedUserIdentityResponse(new byte[] {9})
                .start()) {
            try (Association as = Association.open(config(scp).build())) {
                assertEquals(Set.of(), as.acceptedQueryOptions(SopClasses.PATIENT_ROOT_FIND));
                assertEquals(Set.of(), as.acceptedQueryOptions(SopClasses.STUDY_ROOT_FIND));
                assertFalse(as.negotiatedOptions().userIdentityConfirmed(), "a response we did not ask for");
                assertEquals(1, studies(as));
            }
            // asked for relational only: a claim of byte 2 (not asked) in an answer is not taken
            try (EmbeddedFindScp liar = scp().unsolicitedExtendedNegotiation(new ExtendedNegotiation(
                    SopClasses.STUDY_ROOT_FIND, new byte[] {1, 1})).start();
                    Association as = Association.open(config(liar).queryOptions(Set.of(QueryOption.RELATIONAL))
                            .build())) {
                assertEquals(Set.of(QueryOption.RELATIONAL), as.acceptedQueryOptions(SopClasses.STUDY_ROOT_FIND));
            }
        }
    }

    @Test
    void withoutOptionsTheRequestCarriesNoNegotiationSubItem() throws Exception {
        try (EmbeddedFindScp scp = scp().acceptQueryOptions(QueryOption.values()).start();
                Association as = Association.open(config(scp).build())) {
            assertTrue(as.associateAc().userInformation().extendedNegotiations().isEmpty(),
                    "the SCP answers only what was asked");
            assertNull(as.negotiatedOptions().userIdentity());
        }
    }

    // ------------------------------------------------------------------ user identity

    @Test
    void aCorrectPasscodeIsAcceptedAndThePositiveResponseExposed() throws Exception {
        try (EmbeddedFindScp scp = scp().userIdentityCheck(UserIdentityCheck.passcodes(Map.of("alice", "pw-1")))
                .start(); Association as = Association.open(config(scp)
                        .userIdentity(UserIdentity.usernameAndPasscode("alice", "pw-1", true)).build())) {
            assertTrue(as.negotiatedOptions().userIdentityConfirmed());
            assertArrayEquals(new byte[0], as.negotiatedOptions().userIdentityServerResponse(),
                    "PS3.7 D.3.3.7.2: empty for a user name and passcode");
            assertEquals(1, studies(as));
        }
    }

    @Test
    void aWrongPasscodeIsASpecificErrorWithoutThePasscode() throws Exception {
        try (EmbeddedFindScp scp = scp().userIdentityCheck(UserIdentityCheck.passcodes(Map.of("alice", "pw-1")))
                .start()) {
            UserIdentityRejectedException e = assertThrows(UserIdentityRejectedException.class,
                    () -> Association.open(config(scp)
                            .userIdentity(UserIdentity.usernameAndPasscode("alice", "Wrong-Pass-77", false)).build()));
            assertFalse(e.getMessage().contains("Wrong-Pass-77"), e.getMessage());
            assertTrue(e.getMessage().contains("user name and passcode for 'alice'"), e.getMessage());
            assertTrue(e.getMessage().contains("rejected-permanent"), e.getMessage());
            assertNotNull(e.rejection());
            assertEquals(1, scp.counters().rejectedAssociations());
            // a rejection for another reason stays what it is
            AssociationRejectedException other = assertThrows(AssociationRejectedException.class,
                    () -> Association.open(config(scp).calledAeTitle("WRONG")
                            .userIdentity(UserIdentity.usernameAndPasscode("alice", "pw-1", false)).build()));
            assertTrue(other.getMessage().contains("called-AE-title-not-recognized"), other.getMessage());
        }
    }

    @Test
    void aJwtIsCheckedAndItsServerResponseReturned() throws Exception {
        byte[] response = "jwt-response".getBytes(StandardCharsets.US_ASCII);
        String[] seen = new String[1];
        try (EmbeddedFindScp scp = scp().userIdentityCheck(id -> {
            seen[0] = new String(id.primaryField(), StandardCharsets.UTF_8);
            return id.type() == UserIdentity.JWT ? response : null;
        }).start(); Association as = Association.open(config(scp)
                .userIdentity(UserIdentity.jwt("header.payload.sig", true)).build())) {
            assertEquals("header.payload.sig", seen[0], "the token arrives intact");
            assertArrayEquals(response, as.negotiatedOptions().userIdentityServerResponse());
        }
    }

    @Test
    void aPositiveResponseRequestedButNotGivenFailsAndReleases() throws Exception {
        try (EmbeddedFindScp scp = scp().start()) { // ignores identities, like dcmqrscp
            UserIdentityRejectedException e = assertThrows(UserIdentityRejectedException.class,
                    () -> Association.open(config(scp).userIdentity(UserIdentity.username("bob", true)).build()));
            assertNull(e.rejection());
            assertTrue(e.getMessage().contains("did not confirm our user identity (user name for 'bob')"),
                    e.getMessage());
            EmbeddedFindScpTest.await(() -> scp.counters().releasedAssociations() == 1, "the release");
            // without the positive response requested, the same SCP is fine
            try (Association as = Association.open(config(scp).userIdentity(UserIdentity.username("bob", false))
                    .build())) {
                assertFalse(as.negotiatedOptions().userIdentityConfirmed());
                assertEquals(1, studies(as));
            }
        }
    }
}
