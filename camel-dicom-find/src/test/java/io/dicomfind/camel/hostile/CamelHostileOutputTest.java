package io.dicomfind.camel.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomDataFormat;
import io.dicomfind.camel.DicomFindConverters;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.io.OutputLimitException;
import io.dicomfind.dicom.net.hostile.HostileOutput;
import io.dicomfind.dicom.net.hostile.HostileScp;
import io.dicomfind.dicom.net.hostile.StrictJson;
import io.dicomfind.dicom.net.hostile.StrictParsers;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's hostile responses ({@link HostileOutput}) through a route, in the surefire execution {@code hostile}
 * at -Xmx64m, one exchange per response: a StreamList split in streaming mode converts each response to a String
 * (DICOM JSON), a Map and Native DICOM XML, and marshals it with the {@code dicom} data format (json, xml, part10)
 * to files. The String and Map conversions of the giant identifier and of the 4,000,000 values fail with a clear
 * {@link OutputLimitException} (never an OutOfMemoryError); the data format streams every response; every text
 * parses with a strict parser (JSON: RFC 8259; XML: the JDK's parser and xmllint; Part-10: DCMTK's dcmdump); the
 * route then serves the next exchange.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamelHostileOutputTest {
    private HostileScp scp;
    private CamelContext context;
    private ProducerTemplate template;
    /** Per response, in order: per conversion, "ok" or the message of the output limit it hit. */
    private final List<Map<String, String>> outcomes = Collections.synchronizedList(new ArrayList<>());
    @TempDir
    Path tmp;

    @BeforeAll
    void start() throws Exception {
        scp = HostileScp.start();
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:convert").toD("${header.uri}")
                        .split(body()).streaming()
                            .process(CamelHostileOutputTest.this::convert)
                        .end();
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (scp != null) {
            scp.close();
        }
    }

    private String uri() {
        return "dicomfind:HOSTILE@127.0.0.1:" + scp.port() + "?acseTimeout=5000&dimseTimeout=60000"
                + "&key.PatientName=&outputType=StreamList";
    }

    @Test
    void everyConversionIsBoundedAndTheRouteGoesOn() throws Exception {
        String big = "longer than 4194304 characters";
        String map = "more than 100000 elements and values";
        Map<String, String> limited = Map.of("json", big, "map", map, "xml", big);
        // one exchange (association) per response: a 64 MiB heap holds one giant identifier at a time
        for (HostileOutput r : HostileOutput.values()) {
            outcomes.clear();
            scp.next(HostileOutput.responses(r));
            Exchange ex = template.send("direct:convert", e -> e.getMessage().setHeader("uri", uri()));
            assertNull(ex.getException(), () -> r + ": the exchange failed: " + ex.getException());
            assertEquals(1, outcomes.size(), outcomes::toString);
            Map<String, String> o = outcomes.get(0);
            boolean large = r == HostileOutput.GIANT_IDENTIFIER || r == HostileOutput.HUGE_MULTI_VALUED;
            for (String conversion : List.of("json", "map", "xml", "format-json", "format-xml", "format-part10")) {
                String expected = large && limited.containsKey(conversion) ? limited.get(conversion) : "ok";
                String actual = o.get(conversion);
                assertTrue(actual != null && actual.contains(expected), r + " " + conversion + ": " + actual);
            }
            scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
            assertNull(scp.lastSession().failure, "the SCP's session failed");
        }

        // the route keeps working
        outcomes.clear();
        Exchange good = template.send("direct:convert", e -> e.getMessage().setHeader("uri", uri()));
        assertNull(good.getException());
        assertEquals(1, outcomes.size(), outcomes::toString);
        assertEquals(HostileScp.GOOD_NAME, outcomes.get(0).get("name"));
        assertTrue(outcomes.get(0).entrySet().stream().allMatch(c -> c.getKey().equals("name")
                || c.getValue().equals("ok")), outcomes::toString);
    }

    /** One response through every conversion; each outcome recorded, none stops the others. */
    private void convert(Exchange e) throws Exception {
        Attributes a = e.getMessage().getBody(Attributes.class);
        Map<String, String> o = new LinkedHashMap<>();
        o.put("name", a.getString(Tag.PatientName));
        String prefix = "rsp" + outcomes.size();
        outcomes.add(o);
        o.put("json", attempt(() -> {
            Path f = tmp.resolve(prefix + "-string.json");
            Files.writeString(f, context.getTypeConverter().mandatoryConvertTo(String.class, e, a));
            StrictJson.check(f); // RFC 8259 (the values need not be valid DICOM: they are what the peer sent)
        }));
        o.put("map", attempt(() -> context.getTypeConverter().mandatoryConvertTo(Map.class, e, a)));
        o.put("xml", attempt(() -> {
            Path f = tmp.resolve(prefix + "-string.xml");
            Files.writeString(f, DicomFindConverters.toNativeXml(a), StandardCharsets.UTF_8);
            StrictParsers.xml(f);
        }));
        for (DicomDataFormat.Format format : DicomDataFormat.Format.values()) {
            o.put("format-" + format, attempt(() -> {
                Path f = tmp.resolve(prefix + "." + format);
                try (OutputStream out = Files.newOutputStream(f)) {
                    new DicomDataFormat(format).marshal(e, a, out);
                }
                switch (format) {
                    case json -> StrictJson.check(f);
                    case xml -> StrictParsers.xml(f);
                    case part10 -> StrictParsers.part10(f);
                }
                Files.delete(f);
            }));
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** "ok", or the message of the OutputLimitException the step threw (wrapped by the type converter or not). */
    private static String attempt(Step step) throws Exception {
        try {
            step.run();
            return "ok";
        } catch (Exception ex) {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof OutputLimitException limit) {
                    return limit.getMessage();
                }
            }
            throw ex;
        }
    }


}
