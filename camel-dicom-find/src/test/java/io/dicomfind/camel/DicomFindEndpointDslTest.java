package io.dicomfind.camel;

import static io.dicomfind.camel.builder.endpoint.StaticEndpointBuilders.dicomfind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.dicomfind.camel.builder.component.ComponentsBuilderFactory;
import io.dicomfind.camel.builder.endpoint.dsl.DicomFindEndpointBuilderFactory.DicomFindBuilders;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistItem;
import io.dicomfind.peers.WorklistScp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes written with the generated Endpoint DSL ({@code DicomFindEndpointBuilderFactory}) and a component configured
 * with the generated Component DSL ({@code ComponentsBuilderFactory.dicomfind()}), against DCMTK wlmscpfs serving
 * {@link WorklistData} (AE OFFIS) and against the embedded SCP. What is asserted is what a route sees: the responses,
 * their number and the status headers, and that the builder's options reached the association.
 */
class DicomFindEndpointDslTest extends CamelTestSupport {
    private static WorklistScp worklist;
    private static EmbeddedFindScp embedded;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startPeers() throws Exception {
        worklist = WorklistScp.start();
        // accepts only the calling AE title the Component DSL configures: a builder option that did not reach the
        // component fails the association
        embedded = EmbeddedFindScp.builder().aeTitle("EMBEDDED").port(0).callingAeTitles("DSL-SCU")
                .worklist(List.of(item("DSL^ONE", "CT"), item("DSL^TWO", "MR"), item("DSL^THREE", "CT")))
                .start();
    }

    @AfterAll
    static void stopPeers() {
        worklist.close();
        embedded.close();
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }

    private static Attributes item(String name, String modality) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, name);
        a.setString(Tag.PatientID, VR.LO, name.replace("^", ""));
        Sequence sps = a.newSequence(Tag.ScheduledProcedureStepSequence);
        sps.addItem().setString(Tag.Modality, VR.CS, modality);
        return a;
    }

    /** What a user writes: an EndpointRouteBuilder that also implements the generated {@code DicomFindBuilders}. */
    static final class WorklistRoutes extends EndpointRouteBuilder implements DicomFindBuilders {
        @Override
        public void configure() {
            from(timer("ct").repeatCount(1))
                    .to(dicomfind("OFFIS@127.0.0.1:" + worklist.port())
                            .model("worklist")
                            .outputType("StreamList")
                            .keys("PatientName", "")
                            .keys("(0040,0100)[0].Modality", "CT")
                            .advanced().acseTimeout("10s"))
                    .split(body()).streaming()
                        .to(mock("ct"))
                    .end()
                    .to(mock("ctDone"));
            from(direct("one"))
                    .to(dicomfind("OFFIS@127.0.0.1:" + worklist.port())
                            .outputType(OutputType.SelectOne)
                            .keys("PatientID", "${header.pid}")
                            .keys("PatientName", ""));
            // the consumer builder: one poll of the MR items, one exchange per match
            from(dicomfind("OFFIS@127.0.0.1:" + worklist.port())
                    .keys("(0040,0100)[0].Modality", "MR")
                    .keys("PatientName", "")
                    .initialDelay(0).repeatCount(1))
                    .routeId("mrPoll")
                    .to(mock("mr"));
            // a component registered by the Component DSL, reached by its name
            from(direct("embedded"))
                    .to(dicomfind("dicomfind-dsl", "EMBEDDED@127.0.0.1:" + embedded.port())
                            .keys("(0040,0100)[0].Modality", "CT")
                            .keys("PatientName", ""));
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        ComponentsBuilderFactory.dicomfind()
                .callingAet("DSL-SCU")
                .model("worklist")
                .register(context, "dicomfind-dsl");
        return new WorklistRoutes();
    }

    private static Set<String> names(List<?> identifiers) {
        return identifiers.stream().map(a -> ((Attributes) a).getString(Tag.PatientName))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void timerRouteStreamsTheCtItemsOfWlmscpfs() throws Exception {
        MockEndpoint ct = getMockEndpoint("mock:ct");
        ct.expectedMessageCount(WorklistData.count(i -> i.modality().equals("CT")));
        MockEndpoint done = getMockEndpoint("mock:ctDone");
        done.expectedMessageCount(1);
        done.expectedHeaderReceived(DicomFindConstants.STATUS, DimseStatus.SUCCESS);
        MockEndpoint.assertIsSatisfied(context);
        Set<String> expected = WorklistData.ALL.stream().filter(i -> i.modality().equals("CT"))
                .map(WorklistItem::patientName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, names(ct.getExchanges().stream().map(e -> e.getMessage().getBody()).toList()));
        assertEquals(9, ct.getReceivedCounter());
    }

    @Test
    void selectOneWithASimpleKeyFromTheBuilder() {
        Exchange out = template.request("direct:one", e -> e.getMessage().setHeader("pid", "WLP04"));
        Attributes match = assertInstanceOf(Attributes.class, out.getMessage().getBody());
        assertEquals("王^小明", match.getString(Tag.PatientName));
    }

    @Test
    void consumerBuilderPollsEachMatchAsItsOwnExchange() throws Exception {
        MockEndpoint mr = getMockEndpoint("mock:mr");
        mr.expectedMessageCount(WorklistData.count(i -> i.modality().equals("MR")));
        mr.assertIsSatisfied(10_000);
        for (Exchange e : mr.getExchanges()) {
            assertEquals("MR", e.getMessage().getBody(Attributes.class)
                    .getSequence(Tag.ScheduledProcedureStepSequence).get(0).getString(Tag.Modality));
        }
        assertEquals(6, mr.getReceivedCounter());
        context.getRouteController().stopRoute("mrPoll");
    }

    @Test
    void componentDslConfiguresTheComponentTheEndpointUses() {
        Exchange out = template.request("direct:embedded", e -> { });
        List<?> ids = out.getMessage().getBody(List.class);
        assertEquals(Set.of("DSL^ONE", "DSL^THREE"), names(ids));
        assertEquals(DimseStatus.SUCCESS, out.getMessage().getHeader(DicomFindConstants.STATUS));
        DicomFindComponent component = context.getComponent("dicomfind-dsl", DicomFindComponent.class);
        assertEquals("DSL-SCU", component.getConfiguration().getCallingAet());
    }

    @Test
    void staticBuilderWorksInAPlainRouteBuilder() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:static").to(dicomfind("OFFIS@127.0.0.1:" + worklist.port())
                        .keys("PatientID", "WLP07").keys("PatientName", ""));
            }
        });
        List<?> ids = template.requestBody("direct:static", null, List.class);
        assertEquals(Set.of("Yamada^Tarou=山田^太郎=やまだ^たろう"), names(ids));
    }

    @Test
    void headerNameBuilderNamesTheComponentsHeaders() {
        WorklistRoutes routes = new WorklistRoutes();
        assertEquals(DicomFindConstants.STATUS, routes.dicomfind().dicomFindStatus());
        assertEquals(DicomFindConstants.RESPONSE_COUNT, routes.dicomfind().dicomFindResponseCount());
    }
}
