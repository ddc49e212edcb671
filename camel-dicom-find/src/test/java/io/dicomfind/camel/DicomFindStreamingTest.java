package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.scp.DataSetSource;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * StreamList with {@code split().streaming()} against the embedded SCP ({@code io.dicomfind.dicom.scp}), which
 * generates its worklist lazily and can wait before each response: exchanges are routed while the C-FIND is still
 * running, an early stop sends C-CANCEL, and 100,000 responses go through a child JVM with {@code -Xmx64m} in
 * constant memory.
 */
class DicomFindStreamingTest extends CamelTestSupport {
    private EmbeddedFindScp scp;
    private volatile int items = 30;
    /** System.nanoTime() when the SCP generated its last item, i.e. just before sending the last Pending. */
    private final AtomicLong lastItemGenerated = new AtomicLong();
    private NetworkLeakCheck leaks;

    static Attributes item(int i) {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        a.setString(Tag.AccessionNumber, VR.SH, String.format("A%07d", i));
        a.setString(Tag.PatientName, VR.PN, "STREAM^P" + i);
        a.setString(Tag.PatientID, VR.LO, "P" + i);
        Sequence sps = a.newSequence(Tag.ScheduledProcedureStepSequence);
        Attributes step = sps.addItem();
        step.setString(Tag.Modality, VR.CS, "CT");
        step.setString(0x00400001, VR.AE, "CT01");
        step.setString(0x00400002, VR.DA, "20240115");
        return a;
    }

    @Override
    protected void doPreSetup() throws Exception {
        scp = EmbeddedFindScp.builder().aeTitle("STREAM").port(0)
                .worklist(DataSetSource.ofStream(() -> {
                    int n = items;
                    return IntStream.range(0, n).mapToObj(i -> {
                        if (i == n - 1) {
                            lastItemGenerated.set(System.nanoTime());
                        }
                        return item(i);
                    });
                }))
                .responseDelay(Duration.ofMillis(20))
                .start();
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
        scp.close();
    }

    private String uri() {
        return "dicomfind:STREAM@127.0.0.1:" + scp.port() + "?key.PatientName=&key.AccessionNumber=";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to(uri() + "&outputType=StreamList")
                        .split(body()).streaming()
                            .process(e -> e.getMessage().setHeader("routedAt", System.nanoTime()))
                            .to("mock:each")
                        .end()
                        .to("mock:done");
                from("direct:stop").to(uri() + "&outputType=StreamList")
                        .split(body()).streaming().stopOnException()
                            .to("mock:stopped")
                            .filter(exchangeProperty(Exchange.SPLIT_INDEX).isEqualTo(4))
                                .throwException(new IllegalStateException("seen enough"))
                            .end()
                        .end();
            }
        };
    }

    @Test
    void responsesAreRoutedBeforeTheCFindEnds() throws Exception {
        MockEndpoint each = getMockEndpoint("mock:each");
        each.expectedMessageCount(30);
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedHeaderReceived(DicomFindConstants.STATUS, DimseStatus.SUCCESS);
        template.sendBody("direct:stream", null);
        MockEndpoint.assertIsSatisfied(context);
        long firstRouted = each.getExchanges().get(0).getMessage().getHeader("routedAt", Long.class);
        // 20 ms per response: the last one is produced ~580 ms after the first was routed
        assertTrue(firstRouted < lastItemGenerated.get(), "first exchange routed "
                + TimeUnit.NANOSECONDS.toMillis(firstRouted - lastItemGenerated.get())
                + " ms after the SCP produced its last match");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(lastItemGenerated.get() - firstRouted) > 300);
        assertEquals("A0000000", each.getExchanges().get(0).getMessage().getBody(Attributes.class)
                .getString(Tag.AccessionNumber));
        assertEquals(0, scp.counters().cancels());
    }

    @Test
    void stoppingEarlySendsCCancelAndReleases() throws Exception {
        Exchange out = template.request("direct:stop", e -> { });
        assertNotNull(out.getException());
        assertEquals(5, getMockEndpoint("mock:stopped").getReceivedCounter());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (scp.counters().releasedAssociations() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, scp.counters().cancels(), scp.counters().toString());
        assertEquals(1, scp.counters().releasedAssociations(), scp.counters().toString());
        assertEquals(0, scp.counters().abortedAssociations(), scp.counters().toString());
        assertTrue(scp.counters().pendingResponses() < 30, scp.counters().toString());
    }

    @Test
    void hundredThousandResponsesStreamInAChildJvmWith64MbHeap() throws Exception {
        items = 100_000;
        scp.close();
        scp = EmbeddedFindScp.builder().aeTitle("STREAM").port(0)
                .worklist(DataSetSource.ofStream(() -> IntStream.range(0, items).mapToObj(DicomFindStreamingTest::item)))
                .start();
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx64m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StreamingHeapMain.class.getName(), uri()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM still running");
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("routed=(\\d+) maxUsedAfterGc=(\\d+) status=(\\d+) openAssociations=(\\d+)")
                .matcher(out);
        assertTrue(m.find(), out);
        assertEquals(100_000, Long.parseLong(m.group(1)), out);
        long maxUsed = Long.parseLong(m.group(2));
        System.out.println("100k streaming in -Xmx64m: " + out.trim());
        // the heap in use after GC stays far below what 100,000 identifiers (~40 MB as objects) would need
        assertTrue(maxUsed < 24L * 1024 * 1024, "heap after GC reached " + maxUsed + " bytes: " + out);
        assertEquals("0", m.group(3), out);
        assertEquals("0", m.group(4), out);
        assertEquals(100_000, scp.counters().pendingResponses());
        // the client ran in the child JVM: its sockets are gone with it. Close the 100k SCP (its sockets are in this
        // JVM) and start the small one again, so that the socket count after the test compares with the baseline.
        scp.close();
        doPreSetup();
    }
}
