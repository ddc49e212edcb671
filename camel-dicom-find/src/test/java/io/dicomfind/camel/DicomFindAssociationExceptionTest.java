package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AAssociateRj;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The messages users read for a rejected or aborted association: the reason in words once, not twice. */
class DicomFindAssociationExceptionTest {

    @Test
    void rejectionNamesTheReasonOnce() throws Exception {
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("FINDSCP").port(0).worklist(List.of()).start();
                CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            String peer = "WRONG@127.0.0.1:" + scp.port();
            Exchange out = camel.createProducerTemplate().request("dicomfind:" + peer, e -> { });
            DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class,
                    out.getException());
            assertEquals("association with " + peer + " failed (REJECTED): association rejected by 127.0.0.1:"
                    + scp.port() + " (called AE 'WRONG') (calling AE 'FINDSCU'): rejected-permanent by service-user:"
                    + " called-AE-title-not-recognized", e.getMessage());
            assertEquals("rejected-permanent by service-user: called-AE-title-not-recognized", e.getReasonText());
        }
    }

    @Test
    void abortNamesTheReasonOnce() {
        AssociationAbortedException ab = new AssociationAbortedException("127.0.0.1:104 (called AE 'WLM'), waiting"
                + " for C-FIND-RSP 1 (message ID 1): association aborted by service-provider: unexpected-PDU",
                new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, 2));
        DicomFindAssociationException e = DicomFindAssociationException.of("WLM@127.0.0.1:104", "C-FIND", ab);
        assertEquals(DicomFindAssociationException.Reason.ABORTED, e.getReason());
        assertEquals("C-FIND with WLM@127.0.0.1:104 failed (ABORTED): 127.0.0.1:104 (called AE 'WLM'), waiting for"
                + " C-FIND-RSP 1 (message ID 1): association aborted by service-provider: unexpected-PDU",
                e.getMessage());
        assertEquals("aborted by service-provider: unexpected-PDU", e.getReasonText());
    }

    @Test
    void aCauseMessageWithoutTheReasonStillGetsIt() {
        AssociationRejectedException rj = new AssociationRejectedException("no answer we could read",
                new AAssociateRj(AAssociateRj.RESULT_REJECTED_TRANSIENT, 2, 2));
        DicomFindAssociationException e = DicomFindAssociationException.of("WLM@127.0.0.1:104", "association", rj);
        assertEquals("association with WLM@127.0.0.1:104 failed (REJECTED: " + rj.describe()
                + "): no answer we could read", e.getMessage());
    }
}
