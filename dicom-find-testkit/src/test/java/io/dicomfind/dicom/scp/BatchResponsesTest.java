package io.dicomfind.dicom.scp;

import static io.dicomfind.dicom.scp.EmbeddedFindScpTest.config;
import static io.dicomfind.dicom.scp.EmbeddedFindScpTest.drain;
import static io.dicomfind.dicom.scp.EmbeddedFindScpTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code batchResponses(true)}, the benchmark SCP's mode: the same responses as one flush per message, a C-CANCEL
 * still stops the stream, and no reader thread is started per C-FIND.
 */
class BatchResponsesTest {
    @Test
    void sameResponsesInOrderWithTheFinalOneAndNoThreadPerQuery() throws Exception {
        List<Attributes> items = IntStream.range(0, 300).mapToObj(EmbeddedFindScpTest::item).toList();
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().batchResponses(true).worklist(items).start();
                Association as = Association.open(config(scp).build())) {
            List<FindResponse> all = drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, keys()));
            assertEquals(301, all.size());
            for (int i = 0; i < 300; i++) {
                assertTrue(all.get(i).isPending());
                assertEquals("P" + i, all.get(i).identifier().getString(Tag.PatientID));
            }
            assertEquals(DimseStatus.SUCCESS, all.get(300).status().code());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = threads.getTotalStartedThreadCount();
            Attributes one = keys();
            one.setString(Tag.PatientID, io.dicomfind.dicom.data.VR.LO, "P7");
            for (int q = 0; q < 200; q++) {
                List<FindResponse> r = drain(as.find(SopClasses.MODALITY_WORKLIST_FIND, one));
                assertEquals(2, r.size());
                assertEquals("P7", r.get(0).identifier().getString(Tag.PatientID));
                assertEquals(DimseStatus.SUCCESS, r.get(1).status().code());
            }
            long more = threads.getTotalStartedThreadCount() - started;
            assertTrue(more < 20, more + " threads started for 200 queries");
            assertEquals(500, scp.counters().pendingResponses());
        }
    }

    @Test
    void cancelStillStopsTheStream() throws Exception {
        EmbeddedFindScpTest.assertCancelStopsTheStream(EmbeddedFindScp.builder().batchResponses(true));
    }
}
