package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistItem;
import io.dicomfind.peers.WorklistScp;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

/**
 * The component against DCMTK wlmscpfs serving {@link WorklistData} (22 items, AE OFFIS): every producer output type,
 * the polling consumer, Simple expressions in keys, JSON and XML query bodies, errors and the C-ECHO health check.
 * After every test: no association and no socket left open.
 */
class DicomFindWorklistPeerTest extends WorklistPeerTestSupport {
    static String wl() {
        return "dicomfind:OFFIS@127.0.0.1:" + worklist.port();
    }

    /** Return keys for the values the tests look at. */
    private static final String RETURN_KEYS = "key.PatientName=&key.PatientID=&key.AccessionNumber="
            + "&key.(0040,0100)[0].Modality=&key.(0040,0100)[0].ScheduledProcedureStepStartDate=";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all").to(wl() + "?" + RETURN_KEYS);
                from("direct:ct").to(wl() + "?" + RETURN_KEYS.replace("Modality=", "Modality=CT"));
                from("direct:one").to(wl() + "?outputType=SelectOne&" + RETURN_KEYS);
                from("direct:max5").to(wl() + "?maxResults=5&" + RETURN_KEYS);
                from("direct:stream").to(wl() + "?outputType=StreamList&" + RETURN_KEYS)
                        .split(body()).streaming()
                            .to("mock:each")
                        .end()
                        .to("mock:after");
                from("direct:stopEarly").to(wl() + "?outputType=StreamList&" + RETURN_KEYS)
                        .split(body()).streaming().stopOnException()
                            .to("mock:early")
                            .filter(exchangeProperty(Exchange.SPLIT_INDEX).isEqualTo(2))
                                .throwException(new IllegalStateException("enough"))
                            .end()
                        .end();
                // ${date:now:yyyyMMdd} evaluated for every exchange: a range from the first generated item up to today
                from("direct:simple").to(wl() + "?" + RETURN_KEYS.replace("StartDate=", "StartDate=20240115-"
                        + "${date:now:yyyyMMdd}") + "&key.PatientID=${header.pid}");
                from("direct:body").to(wl());
                from("direct:notOffis").to("dicomfind:NOPE@127.0.0.1:" + worklist.port());
            }
        };
    }

    private static Set<String> names(List<?> ids) {
        return ids.stream().map(a -> ((Attributes) a).getString(Tag.PatientName))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void selectListReturnsEveryItemWithItsCharacterSetDecoded() {
        Exchange out = template.request("direct:all", e -> { });
        List<?> ids = out.getMessage().getBody(List.class);
        assertEquals(22, ids.size());
        // Latin-1, UTF-8 (Chinese, Greek, Cyrillic) and ISO 2022 IR 87 (Japanese) names come back as Unicode text
        Set<String> expected = WorklistData.ALL.stream().map(WorklistItem::patientName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, names(ids));
        assertEquals(DimseStatus.SUCCESS, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals("Success", out.getMessage().getHeader(DicomFindConstants.STATUS_NAME));
        assertEquals(22, out.getMessage().getHeader(DicomFindConstants.RESPONSE_COUNT));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
        assertNotNull(out.getMessage().getHeader(DicomFindConstants.TRANSFER_SYNTAX_UID));
    }

    @Test
    void keysSelectModalityInTheSequence() {
        List<?> ids = template.requestBody("direct:ct", null, List.class);
        assertEquals(WorklistData.count(i -> i.modality().equals("CT")), ids.size());
        assertEquals(9, ids.size());
        for (Object o : ids) {
            Attributes sps = ((Attributes) o).getSequence(Tag.ScheduledProcedureStepSequence).get(0);
            assertEquals("CT", sps.getString(Tag.Modality));
        }
    }

    @Test
    void selectOneCancelsAfterTheFirstMatch() {
        Exchange out = template.request("direct:one", e -> { });
        assertInstanceOf(Attributes.class, out.getMessage().getBody());
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
    }

    @Test
    void maxResultsCutsTheList() {
        Exchange out = template.request("direct:max5", e -> { });
        assertEquals(5, out.getMessage().getBody(List.class).size());
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
    }

    @Test
    void streamListRoutesEachMatchAsItsOwnExchange() throws Exception {
        MockEndpoint each = getMockEndpoint("mock:each");
        each.expectedMessageCount(22);
        MockEndpoint after = getMockEndpoint("mock:after");
        after.expectedMessageCount(1);
        after.expectedHeaderReceived(DicomFindConstants.STATUS, DimseStatus.SUCCESS);
        template.sendBody("direct:stream", null);
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(WorklistData.ALL.stream().map(WorklistItem::patientName)
                .collect(Collectors.toCollection(TreeSet::new)),
                names(each.getExchanges().stream().map(e -> e.getMessage().getBody()).toList()));
    }

    @Test
    void stoppingTheSplitEarlyReleasesTheAssociation() {
        Exchange out = template.request("direct:stopEarly", e -> { });
        assertNotNull(out.getException());
        assertEquals(3, getMockEndpoint("mock:early").getReceivedCounter());
        // the C-CANCEL itself is proven against the delaying SCP (DicomFindStreamingTest); here: nothing leaks
    }

    @Test
    void simpleExpressionsInKeysAreEvaluatedPerExchange() {
        List<?> ids = template.requestBodyAndHeader("direct:simple", null, "pid", "", List.class);
        assertEquals(12, ids.size()); // every generated item: 2024-01-15 .. 2024-01-20
        ids = template.requestBodyAndHeader("direct:simple", null, "pid", "WLP05", List.class);
        assertEquals(List.of("Παπαδόπουλος^Νίκος"), List.copyOf(names(ids)));
    }

    @Test
    void jsonAndXmlBodiesAreQueries() {
        String json = "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"WLP04\"]},\"00100010\":{\"vr\":\"PN\"}}";
        List<?> ids = template.requestBody("direct:body", json, List.class);
        assertEquals(List.of("王^小明"), List.copyOf(names(ids)));
        String xml = "<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\"><Value number=\"1\">WLP07</Value>"
                + "</DicomAttribute><DicomAttribute tag=\"00100010\" vr=\"PN\"/></NativeDicomModel>";
        ids = template.requestBody("direct:body", xml, List.class);
        assertEquals(List.of("Yamada^Tarou=山田^太郎=やまだ^たろう"), List.copyOf(names(ids)));
    }

    @Test
    void fallbackCharacterSetIsSetOnIdentifiersWithoutOne() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fallback").to(wl() + "?fallbackCharacterSet=latin1&key.PatientName="
                        + "&key.(0040,0100)[0].ScheduledProcedureStepStartDate=20240119-20240120");
            }
        });
        List<?> ids = template.requestBody("direct:fallback", null, List.class);
        assertEquals(4, ids.size()); // generated items 9..12: ASCII, no (0008,0005)
        for (Object o : ids) {
            Attributes a = (Attributes) o;
            assertNull(a.getString(Tag.SpecificCharacterSet));
            assertEquals("ISO_IR 100", a.characterSet().terms()[0]);
        }
    }

    @Test
    void rejectionIsTypedWithTheReasonInWords() {
        Exchange out = template.request("direct:notOffis", e -> { });
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class,
                out.getException());
        assertEquals(DicomFindAssociationException.Reason.REJECTED, e.getReason());
        assertTrue(e.getReasonText().contains("called-AE-title-not-recognized"), e.getReasonText());
        assertEquals("NOPE@127.0.0.1:" + worklist.port(), e.getPeer());
        assertTrue(!e.isTransient());
    }

    @Test
    void closedPortIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Exchange out = template.request("dicomfind:OFFIS@127.0.0.1:" + port, e -> { });
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class,
                out.getException());
        assertEquals(DicomFindAssociationException.Reason.CONNECTION_FAILED, e.getReason());
        assertTrue(e.isTransient());
    }

    @Test
    void consumerRoutesABatchAndIdempotentRepollSkipsSeenMatches() throws Exception {
        MockEndpoint polled = getMockEndpoint("mock:polled");
        polled.expectedMessageCount(7); // 6 MR items in poll 1, nothing new in poll 2 (an empty message)
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(wl() + "?key.(0040,0100)[0].Modality=MR&key.PatientName=&key.AccessionNumber="
                        + "&idempotent=true&idempotentKey=${body[AccessionNumber]}"
                        + "&initialDelay=0&delay=300&repeatCount=2&sendEmptyMessageWhenIdle=true")
                        .to("mock:polled");
            }
        });
        polled.assertIsSatisfied(10_000);
        List<Exchange> got = polled.getExchanges();
        for (int i = 0; i < 6; i++) {
            Exchange e = got.get(i);
            assertEquals(i, e.getProperty(Exchange.BATCH_INDEX));
            assertEquals(6, e.getProperty(Exchange.BATCH_SIZE));
            assertEquals(i == 5, e.getProperty(Exchange.BATCH_COMPLETE));
            assertEquals(i + 1, e.getMessage().getHeader(DicomFindConstants.RESPONSE_INDEX));
            Attributes sps = e.getMessage().getBody(Attributes.class).getSequence(Tag.ScheduledProcedureStepSequence)
                    .get(0);
            assertEquals("MR", sps.getString(Tag.Modality));
        }
        assertEquals(6, got.stream().limit(6).map(e -> e.getMessage().getBody(Attributes.class)
                .getString(Tag.AccessionNumber)).distinct().count());
        assertNull(got.get(6).getMessage().getBody());
        context.getRouteController().stopAllRoutes();
    }

    @Test
    void consumerWithoutIdempotencyRoutesEveryPollAndMaxMessagesPerPollCancels() throws Exception {
        MockEndpoint polled = getMockEndpoint("mock:all");
        polled.expectedMessageCount(4); // 2 per poll, C-CANCEL after the 2nd match
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(wl() + "?key.PatientName=&maxMessagesPerPoll=2&initialDelay=0&delay=200&repeatCount=2")
                        .to("mock:all");
            }
        });
        polled.assertIsSatisfied(10_000);
        Thread.sleep(300);
        assertEquals(4, polled.getReceivedCounter());
        assertEquals(2, polled.getExchanges().get(1).getProperty(Exchange.BATCH_SIZE));
        context.getRouteController().stopAllRoutes();
    }

    @Test
    void echoHealthCheckIsUpWhilePeerRunsAndDownWhenStopped() throws Exception {
        WorklistScp own = WorklistScp.start();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:hc").routeId("hc").to("dicomfind:OFFIS@127.0.0.1:" + own.port());
                }
            });
            // producer checks live in camel-health's "producers" repository (off by default, as in Camel Main)
            var producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                    org.apache.camel.health.WritableHealthCheckRepository.class);
            assertNotNull(producers, "camel-health producers repository");
            producers.setEnabled(true);
            HealthCheck check = producers.stream()
                    .filter(h -> h.getId().contains("dicomfind-OFFIS@127.0.0.1:" + own.port())).findFirst()
                    .orElseThrow(() -> new AssertionError("no dicomfind producer health check registered"));
            HealthCheck.Result up = check.call();
            assertEquals(HealthCheck.State.UP, up.getState(), up.getMessage().orElse(""));
            assertEquals("0000H Success", up.getDetails().get("echoStatus"));
            own.close();
            HealthCheck.Result down = check.call();
            assertEquals(HealthCheck.State.DOWN, down.getState());
            assertEquals("CONNECTION_FAILED", down.getDetails().get("reason"));
            assertTrue(down.getMessage().orElse("").contains("OFFIS@127.0.0.1:" + own.port()),
                    down.getMessage().orElse(""));
        } finally {
            own.close();
        }
        // the first echo succeeded; the second failed before answering
        assertEquals(1, context.getComponent("dicomfind", DicomFindComponent.class).getActivity().getEchoes());
    }

    @Test
    void devConsoleShowsAssociationsQueriesAndLastStatus() {
        template.request("direct:ct", e -> { });
        DicomFindDevConsole console = new DicomFindDevConsole();
        console.setCamelContext(context);
        java.util.Map<String, Object> json = (java.util.Map<String, Object>) console.call(
                org.apache.camel.console.DevConsole.MediaType.JSON, java.util.Map.of());
        assertEquals(0, json.get("openAssociations"));
        assertEquals(1L, json.get("queries"));
        assertEquals(9L, json.get("responses"));
        assertEquals("0000H Success", json.get("lastStatus"));
        String text = (String) console.call(org.apache.camel.console.DevConsole.MediaType.TEXT, java.util.Map.of());
        assertTrue(text.contains("OFFIS@127.0.0.1:" + worklist.port()), text);
        assertTrue(text.contains("lastStatus=0000H Success"), text);
        assertTrue(Peers.LOOPBACK.equals("127.0.0.1"));
    }
}
