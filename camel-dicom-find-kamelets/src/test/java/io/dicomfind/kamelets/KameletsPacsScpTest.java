package io.dicomfind.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.camel.NetworkLeakCheck;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.QueryRetrieveScp;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dicom-find-action with the Study Root model against DCMTK dcmqrscp serving {@link PacsData}: the README's
 * "prior studies" example, a DICOM JSON query for one patient's studies.
 */
class KameletsPacsScpTest extends CamelTestSupport {
    private static final PacsData DATA = PacsData.standard();
    private static QueryRetrieveScp dcmqrscp;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startPeer() {
        dcmqrscp = QueryRetrieveScp.start();
    }

    @AfterAll
    static void stopPeer() {
        dcmqrscp.close();
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:priors").to("kamelet:dicom-find-action?host=" + dcmqrscp.host() + "&port="
                        + dcmqrscp.port() + "&calledAet=" + dcmqrscp.calledAeTitle()
                        + "&model=study&queryRetrieveLevel=STUDY");
            }
        };
    }

    @Test
    void theStudiesOfOnePatient() throws Exception {
        Exchange out = template.request("direct:priors", e -> e.getIn().setBody(
                "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"PID003\"]},\"0020000D\":{\"vr\":\"UI\"},"
                        + "\"00080020\":{\"vr\":\"DA\"}}"));
        List<Attributes> found = Worklists.fromJsonArray(out.getMessage().getBody());
        List<String> expected = DATA.studies().stream().filter(s -> s.patient().id().equals("PID003"))
                .map(PacsData.Study::uid).sorted().toList();
        assertEquals(2, expected.size(), "the data: studies 4 and 5");
        assertEquals(expected, found.stream().map(a -> a.getString(Tag.StudyInstanceUID)).sorted().toList());
        for (Attributes a : found) {
            assertEquals(DATA.studies().stream().filter(s -> s.uid().equals(a.getString(Tag.StudyInstanceUID)))
                    .findFirst().orElseThrow().date(), a.getString(0x00080020));
        }
        assertEquals(2, out.getMessage().getHeader(DicomFindConstants.RESPONSE_COUNT));
    }
}
