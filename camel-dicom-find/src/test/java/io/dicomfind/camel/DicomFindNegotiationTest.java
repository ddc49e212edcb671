package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.UserIdentityCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Extended negotiation (PS3.4 C.5.1.1) and user identity (PS3.7 D.3.3.7) through the component against the embedded
 * SCP: the accepted features and the identity's confirmation as headers, the secret from a property placeholder
 * and nowhere in logs, exception messages, the dev console or the endpoint URI Camel shows.
 */
class DicomFindNegotiationTest extends CamelTestSupport {
    private static final String SECRET = "Camel-Passcode-8842";
    private static final String JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjYW1lbCJ9.TOKEN-SIGNATURE";

    private EmbeddedFindScp scp;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @Override
    protected void doPreSetup() throws Exception {
        Attributes study = new Attributes();
        study.setString(Tag.PatientName, VR.PN, "DOE^JANE");
        study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
        study.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.1.1");
        study.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.1.1.1");
        UserIdentityCheck passcodes = UserIdentityCheck.passcodes(Map.of("alice", SECRET));
        scp = EmbeddedFindScp.builder().aeTitle("NEGSCP").studies(List.of(study))
                .acceptQueryOptions(QueryOption.RELATIONAL, QueryOption.DATETIME)
                .userIdentityCheck(id -> id.type() == UserIdentity.JWT ? "jwt-ok".getBytes(StandardCharsets.US_ASCII)
                        : passcodes.check(id))
                .start();
        // slf4j-simple writes to the System.err of the moment: whatever the component and the network layer log
        // while these tests run is captured
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(captured, originalErr), true, StandardCharsets.UTF_8));
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("dicom.user", "alice");
        p.setProperty("dicom.passcode", SECRET);
        p.setProperty("dicom.wrong", "x" + SECRET);
        p.setProperty("dicom.jwt", JWT);
        return p;
    }

    @AfterEach
    void restoreAndCheckLogs() throws Exception {
        System.setErr(originalErr);
        scp.close();
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertFalse(logs.contains(SECRET) || logs.contains("TOKEN-SIGNATURE"), "a secret was logged:\n" + logs);
    }

    private String base() {
        return "dicomfind:NEGSCP@127.0.0.1:" + scp.port() + "?model=study&queryRetrieveLevel=STUDY"
                + "&key.StudyInstanceUID=";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:partly").to(base() + "&relationalQueries=true&fuzzySemanticMatching=true"
                        + "&username={{dicom.user}}&password=RAW({{dicom.passcode}})"
                        + "&userIdentityPositiveResponse=true");
                from("direct:wrong").to(base() + "&username={{dicom.user}}&password=RAW({{dicom.wrong}})");
                from("direct:jwt").to(base() + "&userIdentityType=jwt&token=RAW({{dicom.jwt}})"
                        + "&userIdentityPositiveResponse=true");
                from("direct:plain").to(base());
            }
        };
    }

    @Test
    void acceptedFeaturesAndTheConfirmedIdentityAreHeaders() {
        Exchange out = template.request("direct:partly", e -> { });
        assertNull(out.getException());
        assertEquals(1, out.getMessage().getBody(List.class).size());
        assertEquals(List.of("relationalQueries"),
                out.getMessage().getHeader(DicomFindConstants.ACCEPTED_EXTENDED_NEGOTIATION));
        assertEquals(Boolean.TRUE, out.getMessage().getHeader(DicomFindConstants.USER_IDENTITY_CONFIRMED));

        DicomFindDevConsole console = new DicomFindDevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("requested: extended negotiation relationalQueries,fuzzySemanticMatching; user"
                + " identity user name and passcode for 'alice' (positive response requested)"), text);
        assertTrue(text.contains("lastNegotiation=extended negotiation accepted: relationalQueries; user identity"
                + " user name and passcode for 'alice' confirmed"), text);
        String json = String.valueOf(console.call(DevConsole.MediaType.JSON, Map.of()));
        assertFalse(text.contains(SECRET) || json.contains(SECRET), json);
        for (org.apache.camel.Endpoint e : context.getEndpoints()) {
            assertFalse(URISupport.sanitizeUri(e.getEndpointUri()).contains(SECRET), e.getEndpointUri());
            assertFalse(e.toString().contains(SECRET), e.toString());
        }
    }

    @Test
    void withoutTheOptionsNoNegotiationHeaders() {
        Exchange out = template.request("direct:plain", e -> { });
        assertNull(out.getException());
        assertFalse(out.getMessage().getHeaders().containsKey(DicomFindConstants.ACCEPTED_EXTENDED_NEGOTIATION));
        assertFalse(out.getMessage().getHeaders().containsKey(DicomFindConstants.USER_IDENTITY_CONFIRMED));
    }

    @Test
    void aRejectedIdentityIsItsOwnExceptionWithoutTheSecret() {
        Exchange out = template.request("direct:wrong", e -> { });
        DicomFindUserIdentityException e = assertInstanceOf(DicomFindUserIdentityException.class,
                out.getException());
        assertEquals(DicomFindAssociationException.Reason.USER_IDENTITY_REJECTED, e.getReason());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("user name and passcode for 'alice'"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals("rejected-permanent by service-user: no-reason-given", e.getReasonText());
        DicomFindDevConsole console = new DicomFindDevConsole();
        console.setCamelContext(context);
        assertFalse(String.valueOf(console.call(DevConsole.MediaType.JSON, Map.of())).contains(SECRET));
    }

    @Test
    void aJwtFromAPlaceholderIsConfirmed() {
        Exchange out = template.request("direct:jwt", e -> { });
        assertNull(out.getException());
        assertEquals(Boolean.TRUE, out.getMessage().getHeader(DicomFindConstants.USER_IDENTITY_CONFIRMED));
    }

    @Test
    void badIdentityOptionsFailTheEndpointNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NegotiationSettings
                .userIdentity(config(c -> c.setPassword(SECRET))));
        assertEquals("dicomfind: password needs a user identity: set username (or token)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NegotiationSettings.userIdentity(config(c -> {
            c.setUserIdentityType("kerberos");
            c.setToken("not base64 " + SECRET);
        })));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals(UserIdentity.kerberos(new byte[] {1, 2, 3}, false), NegotiationSettings.userIdentity(
                config(c -> {
                    c.setUserIdentityType("kerberos");
                    c.setToken("AQID");
                })));
    }

    @Test
    void theDocsExamplesHoldNoLiteralSecret() throws Exception {
        String doc = Files.readString(Path.of("src/main/docs/dicomfind-component.adoc"));
        for (String line : doc.lines().filter(l -> l.contains("password=") || l.contains("token=")).toList()) {
            assertTrue(line.matches(".*(password|token)=RAW\\(\\{\\{[^}]+}}\\).*"), "a literal secret in: " + line);
        }
    }

    private static DicomFindConfiguration config(java.util.function.Consumer<DicomFindConfiguration> setup) {
        DicomFindConfiguration c = new DicomFindConfiguration();
        setup.accept(c);
        return c;
    }

    /** Writes to both streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
