package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.peers.WorklistScp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Against DCMTK's wlmscpfs serving its 10 example worklist items (called AE "OFFIS"), started by the peer harness
 * ({@link WorklistScp#startDcmtkExamples}); tests that need other wlmscpfs options start a peer of their own.
 */
class WorklistScpTest {
    static final Set<String> PATIENTS = Set.of("BEETHOVEN^LUDWIG^VAN", "HAYDN^FRANZ^JOSEPH",
            "MOZART^WOLFGANG^AMADEUS", "VIVALDI^ANTONIO");

    static WorklistScp scp;

    @BeforeAll
    static void startScp() {
        scp = WorklistScp.startDcmtkExamples();
    }

    @AfterAll
    static void stopScp() {
        scp.close();
    }

    static AssociationConfig.Builder config(int port) {
        return AssociationConfig.builder("127.0.0.1", port).calledAeTitle(scp.calledAeTitle())
                .abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND, SopClasses.VERIFICATION)
                .acseTimeout(Duration.ofSeconds(10)).dimseTimeout(Duration.ofSeconds(20));
    }

    static Attributes allItems() {
        Attributes keys = new Attributes();
        keys.setNull(Tag.PatientName, VR.PN);
        keys.setNull(Tag.PatientID, VR.LO);
        Attributes sps = keys.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setNull(Tag.Modality, VR.CS);
        sps.setNull(0x00400001, VR.AE); // Scheduled Station AE Title
        return keys;
    }

    static List<FindResponse> drain(FindQuery q) throws Exception {
        List<FindResponse> all = new ArrayList<>();
        FindResponse r;
        while ((r = q.nextResponse()) != null) {
            all.add(r);
        }
        return all;
    }

    @Test
    void echoAndFindOnOneAssociation() throws Exception {
        try (Association as = Association.open(config(scp.port()).build())) {
            assertEquals(DimseStatus.SUCCESS, as.echo().code());
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, as.transferSyntax(SopClasses.MODALITY_WORKLIST_FIND));
            assertTrue(as.peerImplementationClassUid().startsWith("1.2.276.0.7230010.3"),
                    as.peerImplementationClassUid());
            assertNotNull(as.peerImplementationVersionName());
            assertTrue(as.peerMaxPduLength() >= 4096);
            try (FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, allItems())) {
                assertEquals(SopClasses.MODALITY_WORKLIST_FIND, q.sopClassUid());
                List<FindResponse> rs = drain(q);
                assertEquals(11, rs.size(), "10 matches and the final status");
                Set<String> names = new TreeSet<>();
                for (FindResponse r : rs.subList(0, 10)) {
                    assertEquals(DimseStatus.Category.PENDING, r.status().category());
                    assertEquals(q.messageId(), r.messageIdBeingRespondedTo());
                    names.add(r.identifier().getString(Tag.PatientName));
                    assertNotNull(r.identifier().getSequence(Tag.ScheduledProcedureStepSequence));
                }
                assertEquals(PATIENTS, names);
                FindResponse last = rs.get(10);
                assertTrue(last.isFinal() && last.status().isSuccess());
                assertEquals(last, q.finalResponse());
                assertEquals(10, q.pendingCount());
            }
        }
    }

    @Test
    void repeatedQueriesUseNewMessageIdsThenRelease() throws Exception {
        Association as = Association.open(config(scp.port()).build());
        int previous = 0;
        for (int i = 0; i < 3; i++) {
            int[] count = {0};
            FindResponse last = as.find(SopClasses.MODALITY_WORKLIST_FIND, allItems(), r -> {
                count[0]++;
                return true;
            });
            assertEquals(11, count[0]);
            assertTrue(last.status().isSuccess());
            assertTrue(last.messageIdBeingRespondedTo() > previous);
            previous = last.messageIdBeingRespondedTo();
        }
        as.release();
        assertFalse(as.isOpen());
    }

    @Test
    void iteratorViewDeliversResponsesOneByOne() throws Exception {
        try (Association as = Association.open(config(scp.port()).build());
                FindQuery q = as.find(allItems())) {
            int n = 0;
            while (q.hasNext()) {
                FindResponse r = q.next();
                n++;
                assertEquals(n, r.index());
                assertEquals(n == 11, q.isFinished(), "the socket is read lazily, not ahead");
            }
            assertEquals(11, n);
        }
    }

    @ParameterizedTest
    @EnumSource(TransferSyntaxProposal.class)
    void everyProposalIsAcceptedAndQueried(TransferSyntaxProposal proposal) throws Exception {
        // wlmscpfs accepts, among what we propose, its own preferred syntax: +xb prefers big endian, +xd deflated
        String prefer = switch (proposal) {
            case BIG -> "+xb";
            case DEFLATED -> "+xd";
            default -> "+x=";
        };
        TransferSyntax expected = switch (proposal) {
            case BIG -> TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
            case DEFLATED -> TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            case IMPLICIT -> TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
            default -> TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        };
        try (WorklistScp own = WorklistScp.startDcmtkExamples(prefer)) {
            try (Association as = Association.open(config(own.port()).proposal(proposal).deflateLevel(9).build())) {
                assertEquals(expected, as.transferSyntax(SopClasses.MODALITY_WORKLIST_FIND));
                FindQuery q = as.find(allItems());
                List<FindResponse> rs = drain(q);
                assertEquals(11, rs.size(), own.process().logTail());
                Set<String> names = new TreeSet<>();
                rs.subList(0, 10).forEach(r -> names.add(r.identifier().getString(Tag.PatientName)));
                assertEquals(PATIENTS, names);
            }
        }
    }

    @Test
    void smallPduLengthsFragmentBothWays() throws Exception {
        try (Association as = Association.open(config(scp.port()).maxPduLength(4096).build())) {
            assertEquals(11, drain(as.find(allItems())).size());
        }
    }

    @Test
    void cancelAfterTheFirstPendingEndsWithCancelStatus() throws Exception {
        try (WorklistScp slow = WorklistScp.startDcmtkExamples("--sleep-during", "1")) {
            try (Association as = Association.open(config(slow.port()).build())) {
                long t0 = System.nanoTime();
                List<FindResponse> seen = new ArrayList<>();
                FindResponse last = as.find(SopClasses.MODALITY_WORKLIST_FIND, allItems(), r -> {
                    seen.add(r);
                    return seen.size() < 1; // cancel after 1 response
                });
                assertEquals(DimseStatus.CANCEL, last.status().code(), slow.process().logTail());
                assertEquals(DimseStatus.Category.CANCEL, last.status().category());
                assertTrue(seen.size() <= 3, "a pending in flight may still arrive: " + seen);
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(8).toNanos());
                assertEquals(DimseStatus.SUCCESS, as.echo().code(), "association still usable after cancel");
            }
        }
    }

    @Test
    void closingAnUnfinishedQueryCancelsItAndTheAssociationStaysUsable() throws Exception {
        try (WorklistScp slow = WorklistScp.startDcmtkExamples("--sleep-during", "1")) {
            try (Association as = Association.open(config(slow.port()).build())) {
                FindQuery q = as.find(allItems());
                assertTrue(q.nextResponse().isPending());
                assertThrows(IllegalStateException.class, () -> as.find(allItems()), "one operation at a time");
                q.close();
                assertTrue(q.isFinished());
                assertTrue(q.isCancelRequested());
                assertEquals(DimseStatus.CANCEL, q.finalResponse().status().code());
                assertEquals(DimseStatus.SUCCESS, as.echo().code());
            }
        }
    }

    @Test
    void dimseTimeoutAbortsTheAssociation() throws Exception {
        try (WorklistScp sleepy = WorklistScp.startDcmtkExamples("--sleep-before", "5")) {
            // the SCP sleeps and will not close on our A-ABORT: ARTIM (PS3.8 9.1.4) bounds the wait for it
            Association as = Association.open(config(sleepy.port()).dimseTimeout(Duration.ofMillis(800))
                    .artimTimeout(Duration.ofMillis(500)).build());
            long t0 = System.nanoTime();
            FindQuery q = as.find(allItems());
            DimseTimeoutException e = assertThrows(DimseTimeoutException.class, q::nextResponse);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 700 && ms < 2500, "timed out after " + ms + " ms (DIMSE 800 + ARTIM 500)");
            assertTrue(e.getMessage().contains("127.0.0.1:" + sleepy.port()) && e.getMessage().contains("OFFIS")
                    && e.getMessage().contains("DIMSE timeout of 800 ms"), e.getMessage());
            assertFalse(as.isOpen());
            assertTrue(q.isFinished());
            as.close(); // harmless after an abort
        }
    }

    @Test
    void repeatedQueriesOnOneAssociationAreNotDelayedByNagle() throws Exception {
        Attributes keys = allItems();
        keys.setString(Tag.PatientName, VR.PN, "MOZART*");
        try (Association as = Association.open(config(scp.port()).build())) {
            long[] ms = new long[20];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                assertEquals(3, drain(as.find(keys)).size(), "2 matches and the final status");
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            java.util.Arrays.sort(ms);
            // with a command and its identifier in separate small writes, Nagle + delayed ACK cost 40+ ms
            assertTrue(ms[ms.length / 2] < 30, "median per query " + ms[ms.length / 2] + " ms");
        }
    }

    @Test
    void abortInsteadOfRelease() throws Exception {
        Association as = Association.open(config(scp.port()).build());
        assertEquals(11, drain(as.find(allItems())).size());
        as.abort();
        assertFalse(as.isOpen());
        assertThrows(IllegalStateException.class, as::echo);
    }
}
