package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.io.JsonWriter;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.QueryRetrieveScp;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Producer output types, converters and the {@code dicom} data format against DCMTK dcmqrscp and Orthanc, both
 * loaded with {@link PacsData} (20 patients, 40 studies, 80 series, 160 instances). Expected answers come from
 * the PacsData model. After every test: no association and no socket left open.
 */
class DicomFindPacsPeerTest extends CamelTestSupport {
    private static final PacsData DATA = PacsData.standard();
    private static QueryRetrieveScp dcmqrscp;
    private static OrthancPeer orthanc;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startPeers() {
        dcmqrscp = QueryRetrieveScp.start();
        orthanc = OrthancPeer.start();
    }

    @AfterAll
    static void stopPeers() {
        if (dcmqrscp != null) {
            dcmqrscp.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }

    private static DicomPeer peer(String name) {
        return name.equals("orthanc") ? orthanc : dcmqrscp;
    }

    private static String uri(String peer, String model, String level) {
        DicomPeer p = peer(peer);
        return "dicomfind:" + p.calledAeTitle() + "@" + p.host() + ":" + p.port() + "?model=" + model
                + "&queryRetrieveLevel=" + level;
    }

    private static Set<String> values(List<?> ids, int tag) {
        return ids.stream().map(a -> ((Attributes) a).getString(tag)).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcmqrscp", "orthanc"})
    void selectListPatientRootFindsEveryPatient(String peer) {
        Exchange out = template.request(uri(peer, "patient", "PATIENT") + "&key.PatientID=&key.PatientName=",
                e -> { });
        List<?> ids = out.getMessage().getBody(List.class);
        assertEquals(DATA.expectedPatients(p -> true), ids.size());
        assertEquals(DATA.patients().stream().map(PacsData.Patient::id).collect(Collectors.toCollection(TreeSet::new)),
                values(ids, Tag.PatientID));
        assertEquals(DimseStatus.SUCCESS, out.getMessage().getHeader(DicomFindConstants.STATUS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcmqrscp", "orthanc"})
    void selectListStudyRootDateRange(String peer) {
        List<?> ids = template.requestBody(uri(peer, "study", "STUDY")
                + "&key.StudyDate=20200101-20201231&key.StudyInstanceUID=&key.AccessionNumber=", null, List.class);
        Set<String> expected = DATA.studies().stream().filter(s -> s.date().startsWith("2020"))
                .map(PacsData.Study::uid).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(10, expected.size());
        assertEquals(expected, values(ids, Tag.StudyInstanceUID));
        for (Object o : ids) {
            Attributes a = (Attributes) o;
            PacsData.Study st = DATA.studies().stream().filter(s -> s.uid().equals(a.getString(Tag.StudyInstanceUID)))
                    .findFirst().orElseThrow();
            assertEquals(st.accessionNumber(), a.getString(Tag.AccessionNumber).trim());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcmqrscp", "orthanc"})
    void selectOneGivesOneStudyOfThePatient(String peer) {
        Exchange out = template.request(uri(peer, "study", "STUDY") + "&outputType=SelectOne&key.PatientID=PID003"
                + "&key.StudyInstanceUID=", e -> { });
        Attributes a = out.getMessage().getBody(Attributes.class);
        assertTrue(Set.of(DATA.study(4).uid(), DATA.study(5).uid()).contains(a.getString(Tag.StudyInstanceUID)));
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcmqrscp", "orthanc"})
    void streamListSplitsEveryStudyAndSeriesQueriesFollow(String peer) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:studies").to(uri(peer, "study", "STUDY") + "&outputType=StreamList"
                        + "&key.StudyInstanceUID=&key.ModalitiesInStudy=")
                        .split(body()).streaming()
                            .to("mock:study")
                        .end();
                from("direct:series").to(uri(peer, "study", "SERIES") + "&key.SeriesInstanceUID=&key.Modality=");
            }
        });
        MockEndpoint studies = getMockEndpoint("mock:study");
        studies.expectedMessageCount(40);
        template.sendBody("direct:studies", null);
        studies.assertIsSatisfied();
        assertEquals(DATA.studies().stream().map(PacsData.Study::uid).collect(Collectors.toCollection(TreeSet::new)),
                values(studies.getExchanges().stream().map(e -> e.getMessage().getBody()).toList(),
                        Tag.StudyInstanceUID));
        // a body Map as the query: the series of study 3 (CR, OT)
        List<?> series = template.requestBody("direct:series", Map.of("StudyInstanceUID", DATA.study(3).uid()),
                List.class);
        assertEquals(Set.of("CR", "OT"), values(series, Tag.Modality));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcmqrscp", "orthanc"})
    void convertersAndDataFormatRoundTripRealResponses(String peer) throws Exception {
        List<?> ids = template.requestBody(uri(peer, "study", "STUDY") + "&key.PatientID=PID00*"
                + "&key.StudyInstanceUID=&key.StudyDate=&key.PatientName=&key.AccessionNumber=&key.StudyDescription=",
                null, List.class);
        assertEquals(18, ids.size()); // PID001..PID009, 2 studies each
        var tc = context.getTypeConverter();
        for (Object o : ids) {
            Attributes a = (Attributes) o;
            String json = tc.mandatoryConvertTo(String.class, a);
            assertEquals(JsonWriter.toJson(a), json);
            assertEquals(json, JsonWriter.toJson(tc.mandatoryConvertTo(Attributes.class, json)));
            String xml = DicomFindConverters.toNativeXml(a);
            assertEquals(json, JsonWriter.toJson(tc.mandatoryConvertTo(Attributes.class, xml)));
            byte[] part10 = tc.mandatoryConvertTo(byte[].class, a);
            assertEquals(json, JsonWriter.toJson(tc.mandatoryConvertTo(Attributes.class, part10)));
            InputStream in = tc.mandatoryConvertTo(InputStream.class, a);
            assertEquals(json, JsonWriter.toJson(tc.mandatoryConvertTo(Attributes.class, in)));
            Map<?, ?> map = tc.mandatoryConvertTo(Map.class, a);
            assertEquals(a.getString(Tag.StudyInstanceUID), map.get("StudyInstanceUID"));
            assertEquals(json, JsonWriter.toJson(tc.mandatoryConvertTo(Attributes.class, map)));
        }
        // the data format, resolved by name from the classpath like any Camel data format
        DataFormat json = context.resolveDataFormat("dicom");
        assertInstanceOf(DicomDataFormat.class, json);
        Exchange ex = new org.apache.camel.support.DefaultExchange(context);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        json.marshal(ex, ids, bytes);
        Object back = json.unmarshal(ex, new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(ids.size(), ((List<?>) back).size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(JsonWriter.toJson((Attributes) ids.get(i)), JsonWriter.toJson((Attributes) ((List<?>) back)
                    .get(i)));
        }
        for (DicomDataFormat.Format f : DicomDataFormat.Format.values()) {
            DicomDataFormat df = new DicomDataFormat(f);
            bytes.reset();
            df.marshal(ex, ids.get(0), bytes);
            Attributes one = (Attributes) df.unmarshal(ex, new java.io.ByteArrayInputStream(bytes.toByteArray()));
            assertEquals(JsonWriter.toJson((Attributes) ids.get(0)), JsonWriter.toJson(one), f.name());
        }
    }
}
