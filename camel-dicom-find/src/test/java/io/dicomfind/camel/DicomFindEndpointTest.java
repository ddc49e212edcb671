package io.dicomfind.camel;

import io.dicomfind.dicom.net.Priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.UID;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;

class DicomFindEndpointTest extends CamelTestSupport {
    private final FakeFindService scp = new FakeFindService();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("fakeScp", scp);
    }

    private DicomFindConfiguration config(String uri) {
        return context.getEndpoint(uri, DicomFindEndpoint.class).getConfiguration();
    }

    @Test
    void pathWithCalledAeTitle() {
        DicomFindConfiguration c = config("dicomfind:MY-PACS@pacs.example.org:4242");
        assertEquals("MY-PACS", c.getCalledAet());
        assertEquals("pacs.example.org", c.getHost());
        assertEquals(4242, c.getPort());
    }

    @Test
    void pathWithoutCalledAeTitleUsesTheOptionOrFindscusDefault() {
        assertEquals("ANY-SCP", config("dicomfind:10.0.0.1:104").getCalledAet());
        DicomFindConfiguration c = config("dicomfind:10.0.0.1:104?calledAet=ORTHANC");
        assertEquals("ORTHANC", c.getCalledAet());
        assertEquals("10.0.0.1", c.getHost());
    }

    @Test
    void ipv6LiteralInBrackets() {
        DicomFindConfiguration c = config("dicomfind:QR@[::1]:11112");
        assertEquals("::1", c.getHost());
        assertEquals(11112, c.getPort());
        assertEquals("QR", c.getCalledAet());
    }

    @Test
    void malformedPathsAreRejectedWithTheReason() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("dicomfind:PACS@localhost"));
        assertTrue(ObjectHelper.getException(IllegalArgumentException.class, e).getMessage().contains("no port"));
        e = assertThrows(Exception.class, () -> context.getEndpoint("dicomfind:PACS@localhost:abc"));
        assertTrue(ObjectHelper.getException(IllegalArgumentException.class, e).getMessage()
                .contains("'abc'"));
        e = assertThrows(Exception.class, () -> context.getEndpoint("dicomfind:A@localhost:104?calledAet=B"));
        assertTrue(ObjectHelper.getException(IllegalArgumentException.class, e).getMessage().contains("twice"));
    }

    @Test
    void badOptionsFailWhenTheEndpointStarts() {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("dicomfind:PACS@localhost:104?maxPdu=1000").start());
        assertTrue(e.getMessage().contains("maxPdu 1000"), e.getMessage());
        e = assertThrows(Exception.class,
                () -> context.getEndpoint("dicomfind:THIS-AE-TITLE-IS-TOO-LONG@localhost:104").start());
        assertTrue(e.getMessage().contains("calledAet"), e.getMessage());
        e = assertThrows(Exception.class,
                () -> context.getEndpoint("dicomfind:PACS@localhost:104?key.NoSuchName=1").start());
        assertTrue(e.getMessage().contains("key.NoSuchName"), e.getMessage());
        e = assertThrows(Exception.class,
                () -> context.getEndpoint("dicomfind:PACS@localhost:104?model=nonsense").start());
        assertTrue(e.getMessage().contains("model 'nonsense'"), e.getMessage());
    }

    @Test
    void everyFindscuOptionIsAnEndpointOption() {
        DicomFindEndpoint ep = context.getEndpoint("dicomfind:PACS@localhost:104?model=psonly&callingAet=ME"
                + "&proposedTransferSyntaxes=Deflated&deflateLevel=9&enableNewVr=false&connectTimeout=5s"
                + "&socketTimeout=0&acseTimeout=1m&dimseTimeout=90s&maxPdu=131072&abort=true&cancelAfter=7"
                + "&priority=LOW&dataCorrection=true", DicomFindEndpoint.class);
        ep.start();
        FindSettings s = ep.getSettings();
        assertEquals(UID.PatientStudyOnlyQueryRetrieveInformationModelFind, s.sopClassUid());
        assertEquals("ME", s.association().callingAeTitle());
        assertEquals(io.dicomfind.dicom.net.TransferSyntaxProposal.DEFLATED, s.association().proposal());
        assertEquals(9, s.association().deflateLevel());
        assertEquals(false, s.association().newVRs());
        assertEquals(java.time.Duration.ofSeconds(5), s.association().connectTimeout());
        assertEquals(java.time.Duration.ZERO, s.association().socketTimeout()); // none
        assertEquals(java.time.Duration.ofMinutes(1), s.association().acseTimeout());
        assertEquals(java.time.Duration.ofSeconds(90), s.association().dimseTimeout());
        assertEquals(131072, s.association().maxPduLength());
        assertTrue(s.abort());
        assertTrue(ep.getConfiguration().isDataCorrection());
        assertEquals(Priority.LOW, s.association().priority());
        assertEquals(7, ep.getConfiguration().getCancelAfter());
        assertEquals(Priority.LOW, ep.getConfiguration().getPriority());
    }

    @Test
    void anyFindSopClassUidIsAModel() {
        DicomFindEndpoint ep = context.getEndpoint("dicomfind:PACS@localhost:104?model="
                + UID.GeneralPurposeWorklistInformationModelFind, DicomFindEndpoint.class);
        ep.start();
        assertEquals(UID.GeneralPurposeWorklistInformationModelFind, ep.getSettings().sopClassUid());
    }

    @Test
    void keysKeepTheirPathsAndRepeatsBecomeMultiValued() {
        Map<String, Object> keys = config("dicomfind:PACS@localhost:104?key.(0040,0100)[0].Modality=CT"
                + "&key.PatientName=&key.Modality=CT&key.Modality=MR").getKeys();
        assertEquals("CT", keys.get("(0040,0100)[0].Modality"));
        assertEquals("", keys.get("PatientName"));
        assertEquals(java.util.List.of("CT", "MR"), keys.get("Modality"));
    }

    @Test
    void generatedUriFactoryRoundTrips() throws Exception {
        EndpointUriFactory f = context.getCamelContextExtension().getEndpointUriFactory("dicomfind");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("calledAet", "PACS");
        props.put("host", "pacs.local");
        props.put("port", 104);
        props.put("model", "study");
        assertEquals("dicomfind:PACS@pacs.local:104?model=study", f.buildUri("dicomfind", props, false));
        assertTrue(f.propertyNames().contains("maxPdu"));
        assertEquals("key.", f.multiValuePrefixes().get("keys"));
        DicomFindConfiguration c = config(f.buildUri("dicomfind", props, false));
        assertEquals("PACS", c.getCalledAet());
        assertEquals("study", c.getModel());
    }

    @Test
    void componentJsonDescribesSyntaxAndHeaders() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/dicomfind/camel/dicomfind.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"syntax\": \"dicomfind:calledAet@host:port\""));
            assertTrue(json.contains("\"CamelDicomFindTruncated\""));
            assertTrue(json.contains("\"defaultValue\": \"60s\""));
        }
    }

    @Test
    void componentLevelDefaultsApplyToEndpoints() {
        DicomFindComponent component = context.getComponent("dicomfind", DicomFindComponent.class);
        component.getConfiguration().setCallingAet("SHARED");
        assertEquals("SHARED", config("dicomfind:PACS@localhost:105").getCallingAet());
        assertEquals("OWN", config("dicomfind:PACS@localhost:106?callingAet=OWN").getCallingAet());
        assertEquals(scp, component.getFindService(), "the registry's FindService is autowired");
    }
}
