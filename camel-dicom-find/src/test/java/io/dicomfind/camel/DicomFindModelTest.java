package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.InformationModel;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4 in Camel: the model option takes every FIND SOP Class by name; unknown UIDs still go raw. */
class DicomFindModelTest extends CamelTestSupport {
    private static int tag(String keyword) {
        return io.dicomfind.dicom.data.ElementDictionary.standard().tagOf(keyword);
    }

    private static EmbeddedFindScp scp;

    private static Attributes item(int tag, VR vr, String value, String uid) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPInstanceUID, VR.UI, uid);
        a.setString(tag, vr, value);
        return a;
    }

    @BeforeAll
    static void start() throws Exception {
        scp = EmbeddedFindScp.builder().aeTitle("MODELS").port(0)
                .serve(InformationModel.HANGING_PROTOCOL, List.of(item(tag("HangingProtocolName"), VR.SH, "CHEST PA",
                        "2.25.11"), item(tag("HangingProtocolName"), VR.SH, "CT HEAD", "2.25.12")))
                .serve(InformationModel.UPS_PULL, List.of(item(tag("ProcedureStepLabel"), VR.LO, "READ CT", "2.25.21")))
                .start();
    }

    @AfterAll
    static void stop() {
        if (scp != null) {
            scp.close();
        }
    }

    private static String uri(String model) {
        return "dicomfind:MODELS@" + scp.host() + ":" + scp.port() + "?model=" + model;
    }

    @Test
    void hangingProtocolByName() {
        Exchange out = template.request(uri("HangingProtocol") + "&key.HangingProtocolName=CHEST*", e -> { });
        List<?> ids = out.getMessage().getBody(List.class);
        assertEquals(1, ids.size());
        assertEquals("CHEST PA", ((Attributes) ids.get(0)).getString(tag("HangingProtocolName")));
        assertEquals(UID.HangingProtocolInformationModelFind,
                out.getMessage().getHeader(DicomFindConstants.SOP_CLASS_UID));
    }

    @Test
    void upsPullPerExchangeHeaderAnyCase() {
        Exchange out = template.request(uri("HangingProtocol") + "&key.ProcedureStepLabel=", e ->
                e.getMessage().setHeader(DicomFindConstants.MODEL, "upspull"));
        List<?> ids = out.getMessage().getBody(List.class);
        assertEquals(1, ids.size());
        assertEquals("READ CT", ((Attributes) ids.get(0)).getString(tag("ProcedureStepLabel")));
        assertEquals(UID.UnifiedProcedureStepPull, out.getMessage().getHeader(DicomFindConstants.SOP_CLASS_UID));
    }

    @Test
    void aLevelOnAModelWithoutLevelsIsRefusedAtStartAndAnUnknownUidGoesRaw() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri("HangingProtocol")
                + "&queryRetrieveLevel=STUDY").createProducer());
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("queryRetrieveLevel=STUDY does not apply to model=HangingProtocol:"
                + " Hanging Protocol Information Model - FIND has no Query/Retrieve Level"), root.getMessage());

        DicomFindAssociationException raw = assertThrows(DicomFindAssociationException.class,
                () -> {
                    try {
                        template.requestBody(uri("1.2.826.0.1.3680043.2.1143.999.1"), (Object) null);
                    } catch (org.apache.camel.CamelExecutionException x) {
                        throw x.getCause();
                    }
                });
        assertEquals(DicomFindAssociationException.Reason.NO_PRESENTATION_CONTEXT, raw.getReason());
        assertTrue(raw.getMessage().contains("1.2.826.0.1.3680043.2.1143.999.1"), raw.getMessage());
    }
}
