package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Our own {@link Association} client against the embedded SCP: negotiation, C-ECHO, streaming, cancel, teardown. */
class EmbeddedFindScpTest {
    static final String COMMENT = "x".repeat(1000);

    /** A generated worklist item; PatientComments makes each response about 1 KB. */
    static Attributes item(int i) {
        Attributes a = new Attributes();
        a.setString(Tag.AccessionNumber, VR.SH, "A" + i);
        a.setString(Tag.PatientName, VR.PN, "PATIENT^" + i);
        a.setString(Tag.PatientID, VR.LO, "P" + i);
        a.setString(0x00104000, VR.LT, COMMENT);
        Attributes sps = a.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, VR.CS, i % 2 == 0 ? "CT" : "MR");
        sps.setString(0x00400002, VR.DA, "202401" + String.format("%02d", 1 + i % 28));
        return a;
    }

    static Attributes keys() {
        Attributes k = new Attributes();
        k.setNull(Tag.PatientName, VR.PN);
        k.setNull(Tag.PatientID, VR.LO);
        k.setNull(0x00104000, VR.LT);
        k.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setNull(Tag.Modality, VR.CS);
        return k;
    }

    static AssociationConfig.Builder config(EmbeddedFindScp scp) {
        return AssociationConfig.builder(scp.host(), scp.port()).calledAeTitle(scp.aeTitle())
                .abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND, SopClasses.VERIFICATION)
                .acseTimeout(Duration.ofSeconds(10)).dimseTimeout(Duration.ofSeconds(30));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static List<FindResponse> drain(FindQuery q) throws IOException {
        List<FindResponse> all = new ArrayList<>();
        FindResponse r;
        while ((r = q.nextResponse()) != null) {
            all.add(r);
        }
        return all;
    }

    static List<Thread> threadsOf(EmbeddedFindScp scp) {
        String prefix = "find-scp-" + scp.aeTitle() + "-" + scp.port() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .filter(Thread::isAlive).toList();
    }

    @Test
    void echoNegotiationAndRelease() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("FINDSCP").worklist(List.of(item(1))).start()) {
            Association as = Association.open(config(scp).build());
            assertEquals(DimseStatus.SUCCESS, as.echo().code());
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, as.transferSyntax(SopClasses.MODALITY_WORKLIST_FIND));
            assertEquals(UID.IMPLEMENTATION_CLASS_UID, as.peerImplementationClassUid());
            assertEquals(UID.IMPLEMENTATION_VERSION_NAME, as.peerImplementationVersionName());
            assertEquals(16384, as.peerMaxPduLength());
            assertEquals(1, scp.counters().openAssociations());
            as.release();
            assertFalse(as.isOpen());
            await(() -> scp.counters().releasedAssociations() == 1, "release counted");
            await(() -> scp.counters().openAssociations() == 0, "association ended");
            assertEquals(1, scp.counters().totalAssociations());
            assertEquals(1, scp.counters().echoes());
        }
    }

    @Test
    void wrongCalledAeTitleIsRejectedPermanently() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("FINDSCP").worklist(List.of()).start()) {
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> Association.open(config(scp).calledAeTitle("WRONG").build()));
            assertEquals(1, e.result());
            assertEquals(1, e.source());
            assertEquals(7, e.reason(), e.describe()); // called-AE-title-not-recognized (PS3.8 Table 9-21)
            assertEquals(1, scp.counters().rejectedAssociations());
            assertEquals(0, scp.counters().totalAssociations());
        }
        try (EmbeddedFindScp any = EmbeddedFindScp.builder().checkCalledAeTitle(false).worklist(List.of()).start();
                Association as = Association.open(config(any).calledAeTitle("WHATEVER").build())) {
            assertEquals(DimseStatus.SUCCESS, as.echo().code());
        }
    }

    @Test
    void callingAeTitleAndAssociationLimit() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().callingAeTitles("ALLOWED").maxAssociations(1)
                .worklist(List.of()).start()) {
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> Association.open(config(scp).callingAeTitle("OTHER").build()));
            assertEquals(3, e.reason(), e.describe()); // calling-AE-title-not-recognized
            try (Association first = Association.open(config(scp).callingAeTitle("ALLOWED").build())) {
                AssociationRejectedException busy = assertThrows(AssociationRejectedException.class,
                        () -> Association.open(config(scp).callingAeTitle("ALLOWED").build()));
                assertTrue(busy.isTransient(), busy.describe());
                assertEquals(3, busy.source(), busy.describe());
                assertEquals(2, busy.reason(), busy.describe()); // local-limit-exceeded
                assertEquals(DimseStatus.SUCCESS, first.echo().code());
            }
        }
    }

    @Test
    void abortByTheRequestorIsCounted() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(List.of(item(1))).start()) {
            Association as = Association.open(config(scp).build());
            as.abort();
            await(() -> scp.counters().abortedAssociations() == 1, "abort counted");
            assertEquals(0, scp.counters().openAssociations());
        }
    }

    @Test
    void transferSyntaxChoiceFollowsTheProposalWithinTheConfiguredSet() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(List.of(item(1), item(2))).start()) {
            for (TransferSyntaxProposal p : TransferSyntaxProposal.values()) {
                try (Association as = Association.open(config(scp).proposal(p).build())) {
                    assertEquals(p.transferSyntaxes().get(0), as.transferSyntax(SopClasses.MODALITY_WORKLIST_FIND),
                            p.option());
                    List<FindResponse> rs = drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys()));
                    assertEquals(3, rs.size(), p.option());
                    assertEquals("PATIENT^1", rs.get(0).identifier().getString(Tag.PatientName), p.option());
                    assertEquals(COMMENT, rs.get(0).identifier().getString(0x00104000), p.option());
                }
            }
        }
        try (EmbeddedFindScp implicitOnly = EmbeddedFindScp.builder()
                .transferSyntaxes(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).worklist(List.of()).start();
                Association as = Association.open(config(implicitOnly).build())) {
            assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, as.transferSyntax(SopClasses.VERIFICATION));
        }
    }

    @Test
    void unservedModelIsNotAccepted() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(List.of()).start();
                Association as = Association.open(config(scp).abstractSyntaxes(SopClasses.STUDY_ROOT_FIND,
                        SopClasses.VERIFICATION).build())) {
            assertNull(as.acceptedContext(SopClasses.STUDY_ROOT_FIND));
            assertThrows(NoPresentationContextException.class, () -> as.find(SopClasses.STUDY_ROOT_FIND, keys()));
        }
    }

    @Test
    void responsesFragmentToTheRequestorsMaximumPduLength() throws Exception {
        Attributes big = item(7);
        big.setString(0x00104000, VR.LT, "y".repeat(10_000));
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(List.of(big)).start();
                Association as = Association.open(config(scp).maxPduLength(4096).build())) {
            List<FindResponse> rs = drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys()));
            assertEquals("y".repeat(10_000), rs.get(0).identifier().getString(0x00104000));
        }
    }

    /**
     * 100,000 generated matches, each about 1 KB: the SCP sends them as they are produced. While the client pauses,
     * TCP back-pressure stops the generator far from the end: nothing is built ahead of the network.
     */
    @Test
    void streamsOneHundredThousandResponsesAsTheyAreProduced() throws Exception {
        int n = 100_000;
        AtomicInteger produced = new AtomicInteger();
        DataSetSource generated = DataSetSource.ofStream(() -> IntStream.range(0, n).mapToObj(i -> {
            produced.incrementAndGet();
            return item(i);
        }));
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(generated).start();
                Association as = Association.open(config(scp).build());
                FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
            assertTrue(q.nextResponse().isPending());
            Thread.sleep(500); // the SCP can only fill the socket buffers meanwhile
            int ahead = produced.get();
            assertTrue(ahead < n / 2, "the SCP generated " + ahead + " data sets while the client read 1");
            int pending = 1;
            FindResponse r;
            long lastIndex = 0;
            while ((r = q.nextResponse()) != null && r.isPending()) {
                pending++;
                lastIndex = r.index();
            }
            assertEquals(n, pending);
            assertEquals(n, lastIndex);
            assertTrue(q.finalResponse().status().isSuccess());
            assertEquals(n, scp.counters().pendingResponses());
        }
    }

    @Test
    void cancelStopsTheStreamWithStatusCancel() throws Exception {
        assertCancelStopsTheStream(EmbeddedFindScp.builder());
    }

    /** A C-CANCEL after 10 responses of an endless worklist: status Cancel, the SCP stops, the association lives. */
    static void assertCancelStopsTheStream(EmbeddedFindScp.Builder builder) throws Exception {
        AtomicInteger produced = new AtomicInteger();
        DataSetSource endless = DataSetSource.ofStream(() -> IntStream.iterate(0, i -> i + 1).mapToObj(i -> {
            produced.incrementAndGet();
            return item(i);
        }));
        try (EmbeddedFindScp scp = builder.worklist(endless).start();
                Association as = Association.open(config(scp).build())) {
            FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys());
            for (int i = 0; i < 10; i++) {
                assertTrue(q.nextResponse().isPending());
            }
            q.cancel();
            List<FindResponse> rest = drain(q);
            FindResponse last = rest.get(rest.size() - 1);
            assertEquals(DimseStatus.CANCEL, last.status().code());
            await(() -> scp.counters().cancels() == 1, "cancel counted");
            int stoppedAt = produced.get();
            Thread.sleep(100);
            assertEquals(stoppedAt, produced.get(), "the SCP stopped generating");
            // the association is still usable
            assertEquals(DimseStatus.SUCCESS, as.echo().code());
        }
    }

    @Test
    void cancelIsHonouredDuringTheArtificialDelay() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().responseDelay(Duration.ofSeconds(5))
                .worklist(List.of(item(1), item(2), item(3))).start();
                Association as = Association.open(config(scp).build())) {
            long start = System.nanoTime();
            FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys());
            Thread.sleep(100);
            q.cancel();
            List<FindResponse> rs = drain(q);
            assertEquals(1, rs.size());
            assertEquals(DimseStatus.CANCEL, rs.get(0).status().code());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
        }
    }

    /** A requestor waiting quietly for a long stream is not idle; once the final response is sent, it is. */
    @Test
    void idleTimeoutCountsFromTheFinalResponseNotDuringTheStream() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().idleTimeout(Duration.ofMillis(300))
                .responseDelay(Duration.ofMillis(100)).worklist(List.of(item(1), item(2), item(3), item(4), item(5),
                        item(6), item(7), item(8)))
                .start();
                Association as = Association.open(config(scp).build())) {
            List<FindResponse> rs = drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys()));
            assertEquals(9, rs.size(), "800 ms of streaming with a 300 ms idle timeout: " + rs);
            assertTrue(rs.get(8).status().isSuccess());
            assertEquals(DimseStatus.SUCCESS, as.echo().code(), "still open within the idle time");
            await(() -> scp.counters().abortedAssociations() == 1, "the idle association aborted");
            assertThrows(DicomNetworkException.class, as::echo);
        }
    }

    @Test
    void artificialDelayPerResponse() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().responseDelay(Duration.ofMillis(100))
                .worklist(List.of(item(1), item(2), item(3))).start();
                Association as = Association.open(config(scp).build())) {
            long start = System.nanoTime();
            assertEquals(4, drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())).size());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        }
    }

    @Test
    void forcedFailureStatus() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(List.of(item(1)))
                .failQueries(r -> "REFUSE".equals(r.identifier().getString(Tag.PatientID)), 0xA700).start();
                Association as = Association.open(config(scp).build())) {
            Attributes refused = keys();
            refused.setString(Tag.PatientID, VR.LO, "REFUSE");
            List<FindResponse> rs = drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, refused));
            assertEquals(1, rs.size());
            assertEquals(0xA700, rs.get(0).status().code());
            assertEquals(2, drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())).size(), "others unaffected");
            assertEquals(2, scp.counters().queries());
        }
    }

    @Test
    void queryRetrieveFromDataSetsGivenInCode() throws Exception {
        List<Attributes> instances = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int s = 0; s < 2; s++) {
                Attributes in = new Attributes();
                in.setString(Tag.PatientID, VR.LO, "PID" + k);
                in.setString(Tag.PatientName, VR.PN, "NAME^" + k);
                in.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3." + k);
                in.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3." + k + "." + s);
                in.setString(Tag.StudyDate, VR.DA, "2020010" + (k + 1));
                in.setString(Tag.Modality, VR.CS, s == 0 ? "CT" : "SR");
                instances.add(in);
            }
        }
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("PACS").studies(instances).start();
                Association as = Association.open(config(scp).abstractSyntaxes(SopClasses.STUDY_ROOT_FIND).build())) {
            Attributes studies = new Attributes();
            studies.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            studies.setString(Tag.StudyDate, VR.DA, "20200102-");
            studies.setNull(Tag.StudyInstanceUID, VR.UI);
            List<FindResponse> rs = drain(as.find(SopClasses.STUDY_ROOT_FIND, studies));
            assertEquals(3, rs.size(), "two studies, one response each, then Success");
            Attributes first = rs.get(0).identifier();
            assertEquals("STUDY", first.getString(Tag.QueryRetrieveLevel));
            assertEquals("PACS", first.getString(Tag.RetrieveAETitle));
            assertEquals(4, first.size(), "only the requested keys plus level and retrieve AE: " + first);

            Attributes series = new Attributes();
            series.setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES");
            series.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
            series.setString(Tag.Modality, VR.CS, "SR");
            series.setNull(Tag.SeriesInstanceUID, VR.UI);
            rs = drain(as.find(SopClasses.STUDY_ROOT_FIND, series));
            assertEquals(2, rs.size());
            assertEquals("1.2.3.1.1", rs.get(0).identifier().getString(Tag.SeriesInstanceUID));

            series.remove(Tag.StudyInstanceUID);
            rs = drain(as.find(SopClasses.STUDY_ROOT_FIND, series));
            assertEquals(0xC000, rs.get(0).status().code(), "no Study Instance UID above SERIES: " + rs);
        }
    }

    @Test
    void closeEndsOpenAssociationsAndAllThreads() throws Exception {
        DataSetSource endless = DataSetSource.ofStream(() -> IntStream.iterate(0, i -> i + 1)
                .mapToObj(EmbeddedFindScpTest::item));
        EmbeddedFindScp scp = EmbeddedFindScp.builder().worklist(endless).start();
        int port = scp.port();
        Association idle = Association.open(config(scp).build());
        Association busy = Association.open(config(scp).build());
        FindQuery q = busy.find(SopClasses.MODALITY_WORKLIST_FIND, keys());
        assertTrue(q.nextResponse().isPending());
        // the streaming association reads on a helper thread meanwhile, so that it sees a C-CANCEL on any transport
        await(() -> threadsOf(scp).size() == 4, "acceptor, two association threads and one reader");
        assertEquals(1, threadsOf(scp).stream().filter(t -> t.getName().endsWith("-reader")).count());
        scp.close();
        assertFalse(scp.isRunning());
        assertEquals(List.of(), threadsOf(scp), "no thread left after close");
        assertThrows(DicomNetworkException.class, idle::echo);
        assertThrows(IOException.class, () -> {
            while (q.nextResponse() != null) {
                // drain what was in flight until the connection drop surfaces
            }
        });
        await(() -> scp.counters().openAssociations() == 0, "associations ended");
        // the port is free again
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        scp.close(); // idempotent
    }
}
