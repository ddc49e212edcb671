package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.UserIdentityCheck;
import io.dicomfind.peers.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An independent decoder checks our wire format: Wireshark's DICOM dissector ({@code tshark}, Debian package)
 * decodes the A-ASSOCIATE-RQs we send, captured on the loopback interface, with every negotiation sub-item of PS3.7
 * D.3.3.5-D.3.3.7 (every C-FIND extended negotiation byte, common extended negotiation, each user identity type),
 * and the A-ASSOCIATE-AC of the embedded SCP with its answers. A missing tshark is a failure, never a skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegotiationWireFormatTest {
    private static final String PASSCODE = "wire-Passcode-31";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";
    private static final String SAML = "<saml:Assertion ID=\"a1\">bob</saml:Assertion>";
    private static final byte[] KERBEROS = {0x60, (byte) 0x82, 0x01, 0x0a, 0x06, 0x09};

    /** Long enough for six associations on a loaded machine; the capture ends after it. */
    private static final int CAPTURE_SECONDS = 15;

    private Path work;
    private String decoded;
    private int port;

    /**
     * On a loaded machine the capture has been seen to hold none of the six associations although tshark had said it
     * was capturing (a capture tool's loss, not a wire-format finding): the whole capture is then made again, up to
     * three times; the assertions below still need every one of the six in one capture.
     */
    @BeforeAll
    void captureAndDecode() throws Exception {
        Path tshark = binary("tshark");
        work = Peers.tempDir("tshark");
        for (int attempt = 1; attempt <= 3; attempt++) {
            captureOnce(tshark, attempt);
            if (frames("A-ASSOCIATE request").size() == 6 && frames("A-ASSOCIATE accept").size() == 6) {
                return;
            }
        }
    }

    private void captureOnce(Path tshark, int attempt) throws Exception {
        Attributes study = new Attributes();
        study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("WIRESCP").studies(List.of(study))
                .acceptQueryOptions(QueryOption.RELATIONAL, QueryOption.FUZZY)
                .userIdentityCheck(id -> "server-response".getBytes(StandardCharsets.US_ASCII)).start()) {
            port = scp.port();
            Path pcap = work.resolve("negotiation-" + attempt + ".pcapng");
            Path err = work.resolve("tshark-" + attempt + ".err");
            // tshark stops by itself (-a): a capture ended by a signal can lose what dumpcap had not written yet
            Process capture = new ProcessBuilder(tshark.toString(), "-i", "lo", "-f", "tcp port " + port, "-w",
                    pcap.toString(), "-a", "duration:" + CAPTURE_SECONDS).redirectErrorStream(false).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                awaitCapturing(capture, err);
                AssociationConfig.Builder base = AssociationConfig.builder(scp.host(), port).calledAeTitle("WIRESCP")
                        .abstractSyntaxes(SopClasses.STUDY_ROOT_FIND).acseTimeout(Duration.ofSeconds(10));
                open(base.queryOptions(EnumSet.allOf(QueryOption.class))
                        .commonExtendedNegotiations(List.of(new CommonExtendedNegotiation(SopClasses.STUDY_ROOT_FIND,
                                "1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.2.1.1"))))
                        .userIdentity(UserIdentity.usernameAndPasscode("alice", PASSCODE, true)).build());
                open(base.queryOptions(java.util.Set.of()).commonExtendedNegotiations(List.of())
                        .userIdentity(UserIdentity.username("carol", false)).build());
                open(base.userIdentity(UserIdentity.kerberos(KERBEROS, true)).build());
                open(base.userIdentity(UserIdentity.saml(SAML, true)).build());
                open(base.userIdentity(UserIdentity.jwt(JWT, true)).build());
                open(base.userIdentity(null).build());
                assertTrue(capture.waitFor(CAPTURE_SECONDS + 30, TimeUnit.SECONDS), "tshark did not stop");
            } finally {
                if (capture.isAlive()) {
                    capture.destroyForcibly();
                }
            }
            Process decode = new ProcessBuilder(tshark.toString(), "-r", pcap.toString(), "-d",
                    "tcp.port==" + port + ",dicom", "-V", "-Y", "dicom").redirectErrorStream(true).start();
            byte[] out = decode.getInputStream().readAllBytes();
            assertTrue(decode.waitFor(60, TimeUnit.SECONDS), "tshark -r did not finish");
            decoded = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, decode.exitValue(), decoded);
        }
    }

    @AfterAll
    void cleanUp() {
        if (work != null) {
            Peers.deleteRecursively(work);
        }
    }

    private static void open(AssociationConfig config) throws IOException {
        try (Association as = Association.open(config)) {
            assertTrue(as.acceptedContext(SopClasses.STUDY_ROOT_FIND) != null);
        }
    }

    /** tshark says "Capturing on 'Loopback: lo'" once its filter is installed; before that, packets are lost. */
    private static void awaitCapturing(Process p, Path err) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            String s = Files.exists(err) ? Files.readString(err) : "";
            if (s.contains("Capturing on")) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("tshark could not capture on lo (it needs root or the capture "
                        + "capabilities on dumpcap, see .ci/run): " + s);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tshark did not start capturing within 30 s");
    }

    private static Path binary(String name) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " not found: install it with apt-get install -y tshark (.ci/run does)");
    }

    /** The decoded frames of one kind ("A-ASSOCIATE request", "A-ASSOCIATE accept"), in capture order. */
    private List<String> frames(String kind) {
        List<String> out = new ArrayList<>();
        for (String frame : decoded.split("\n(?=Frame \\d+: )")) {
            if (frame.contains("\nDICOM, " + kind)) {
                out.add(frame);
            }
        }
        return out;
    }

    private static String hex(String s) {
        return java.util.HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void contains(String frame, String... lines) {
        for (String line : lines) {
            assertTrue(frame.contains(line), "tshark did not decode '" + line + "' in:\n" + frame);
        }
    }

    @Test
    void sixRequestsAndSixAcceptsAreDecoded() {
        assertEquals(6, frames("A-ASSOCIATE request").size(), decoded);
        assertEquals(6, frames("A-ASSOCIATE accept").size(), decoded);
    }

    @Test
    void extendedNegotiationCarriesAllSevenBytesForStudyRoot() {
        String rq = frames("A-ASSOCIATE request").get(0);
        contains(rq, "Item Type: SOP Class Extended Negotiation (0x56)",
                // 2 + 27 (the UID) + 7 bytes: every byte of PS3.4 C.5.1.1; tshark 4.0 names the first four
                "Item Length: 36",
                "SOP Class UID: Study Root Query/Retrieve Information Model - FIND (1.2.840.10008.5.1.4.1.2.2.1)",
                "Relational-queries: 0x01", "Combined Date-Time matching: 0x01", "Fuzzy semantic matching: 0x01",
                "Timezone query adjustment: 0x01");
    }

    @Test
    void commonExtendedNegotiationHasTheLayoutOfTableD3_12() {
        String rq = frames("A-ASSOCIATE request").get(0);
        // tshark 4.0 has no dissector for 57H: it shows the item's type, length and first bytes
        contains(rq, "Item Type: Unknown (0x57)", "Item Length: 79",
                "Unknown Data: 001b" + hex("1.2.840.10008.5.1.4.1.2.2.1").substring(0, 40));
    }

    @Test
    void userNameAndPasscodeWithPositiveResponseRequested() {
        String rq = frames("A-ASSOCIATE request").get(0);
        contains(rq, "Item Type: User Identity (0x58)", "Type: Username as a string in UTF-8 and passcode (2)",
                "Response Requested: 1", "Primary Field Length: 5", "Primary Field: alice",
                "Secondary Field Length: " + PASSCODE.length(), "Secondary Field: " + PASSCODE);
    }

    @Test
    void theAcceptCarriesTheScpsAnswers() {
        String ac = frames("A-ASSOCIATE accept").get(0);
        contains(ac, "Relational-queries: 0x01", "Combined Date-Time matching: 0x00", "Fuzzy semantic matching: 0x01",
                "Timezone query adjustment: 0x00", "Item Type: Unknown (0x59)",
                "Unknown Data: 000f" + hex("server-response"));
        assertFalse(frames("A-ASSOCIATE accept").get(1).contains("(0x59)"), "no response when none was requested");
    }

    @Test
    void everyOtherIdentityType() {
        List<String> rqs = frames("A-ASSOCIATE request");
        contains(rqs.get(1), "Type: Username as a string in UTF-8 (1)", "Response Requested: 0",
                "Primary Field: carol");
        assertFalse(rqs.get(1).contains("Secondary Field:"), rqs.get(1));
        contains(rqs.get(2), "Type: Kerberos Service ticket (3)", "Response Requested: 1",
                "Primary Field Length: " + KERBEROS.length);
        contains(rqs.get(3), "Type: SAML Assertion (4)", "Primary Field Length: " + SAML.length(),
                "Primary Field: " + SAML);
        // tshark 4.0 predates type 5 (JSON Web Token) and calls it Unknown, but decodes the fields
        contains(rqs.get(4), "(5)", "Response Requested: 1", "Primary Field Length: " + JWT.length(),
                "Primary Field: " + JWT);
    }

    @Test
    void withoutTheNewOptionsTheRequestHasFindscusThreeSubItemsOnly() {
        String rq = frames("A-ASSOCIATE request").get(5);
        contains(rq, "Item Type: User Info (0x50)", "Item Length: 73", "Item Type: Max Length (0x51)",
                "Item Type: Implementation Class UID (0x52)", "Item Type: Implementation Version (0x55)");
        for (String absent : List.of("(0x56)", "(0x57)", "(0x58)")) {
            assertFalse(rq.contains(absent), absent + " in a request without options:\n" + rq);
        }
    }
}
