package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.peers.OrthancPeer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real Orthanc with {@code LimitFindResults 7} and the standard data (40 studies, 20 patients): a query
 * with more matches ends with an unsolicited Cancel (FE00), which the SCU API reports as truncated by the SCP; one
 * within the limit, and our own C-CANCEL, do not.
 */
class OrthancFindLimitTest {
    private static final int LIMIT = 7;
    private static OrthancPeer orthanc;

    @BeforeAll
    static void start() {
        orthanc = OrthancPeer.startWithFindLimit(LIMIT);
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private static Association open() throws Exception {
        return Association.open(AssociationConfig.builder(orthanc.host(), orthanc.port())
                .calledAeTitle(orthanc.calledAeTitle()).abstractSyntaxes(SopClasses.STUDY_ROOT_FIND)
                .acseTimeout(Duration.ofSeconds(10)).dimseTimeout(Duration.ofSeconds(30)).build());
    }

    private static Attributes studies(String studyDate) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        if (studyDate != null) {
            keys.setString(Tag.StudyDate, VR.DA, studyDate);
        } else {
            keys.setNull(Tag.StudyDate, VR.DA);
        }
        return keys;
    }

    private static FindResponse drain(FindQuery q) throws Exception {
        FindResponse r;
        FindResponse last = null;
        while ((r = q.nextResponse()) != null) {
            last = r;
        }
        return last;
    }

    @Test
    void moreMatchesThanTheLimitEndWithACancelWeDidNotAskFor() throws Exception {
        try (Association as = open()) {
            FindQuery q = as.find(SopClasses.STUDY_ROOT_FIND, studies(null));
            FindResponse last = drain(q);
            assertEquals(LIMIT, q.pendingCount(), "Orthanc sends LimitFindResults matches of 40");
            assertEquals(DimseStatus.CANCEL, last.status().code(), last.toString());
            assertFalse(q.isCancelRequested());
            assertTrue(last.isTruncatedByScp(), last.toString());
            assertTrue(q.isTruncatedByScp());
            assertTrue(last.toString().contains("truncated by the SCP"), last.toString());
        }
    }

    @Test
    void fewerMatchesThanTheLimitAreComplete() throws Exception {
        try (Association as = open()) {
            FindQuery q = as.find(SopClasses.STUDY_ROOT_FIND, studies("20190101-20190301")); // studies 0 and 1
            FindResponse last = drain(q);
            assertEquals(2, q.pendingCount());
            assertTrue(last.status().isSuccess(), last.toString());
            assertFalse(last.isTruncatedByScp());
            assertFalse(q.isTruncatedByScp());
        }
    }

    @Test
    void ourOwnCancelIsNotATruncationByTheScp() throws Exception {
        try (Association as = open()) {
            FindQuery q = as.find(SopClasses.STUDY_ROOT_FIND, studies(null));
            assertTrue(q.nextResponse().isPending());
            q.cancel();
            FindResponse last = drain(q);
            assertTrue(last.status().code() == DimseStatus.CANCEL || last.status().isSuccess(), last.toString());
            assertFalse(last.isTruncatedByScp(), last.toString());
            assertFalse(q.isTruncatedByScp());
        }
    }
}
