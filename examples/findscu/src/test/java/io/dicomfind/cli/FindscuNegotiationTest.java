package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.cli.CommandLineParserTest.Run;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.UserIdentityCheck;
import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.QueryRetrieveScp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our additions for extended negotiation and user identity (PS3.4 C.5.1.1, PS3.7 D.3.3.5-D.3.3.7) as a user of the
 * command line sees them: against the embedded SCP taught to accept, refuse and check them, and against DCMTK's
 * dcmqrscp and Orthanc, which do neither (docs/conformance-statement.md records what they answered).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindscuNegotiationTest {
    private static final String SECRET = "Pa55-Very-Secret-9";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.SECRET-SIGNATURE-XYZ";

    private EmbeddedFindScp scp;
    private QueryRetrieveScp dcmqrscp;
    private OrthancPeer orthanc;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        Attributes study = new Attributes();
        study.setString(Tag.PatientName, VR.PN, "DOE^JANE");
        study.setString(Tag.PatientID, VR.LO, "P1");
        study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
        study.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.1.1");
        study.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.1.1.1");
        UserIdentityCheck passcodes = UserIdentityCheck.passcodes(Map.of("alice", SECRET));
        scp = EmbeddedFindScp.builder().aeTitle("NEGSCP").studies(List.of(study))
                .acceptQueryOptions(QueryOption.RELATIONAL, QueryOption.DATETIME)
                .userIdentityCheck(id -> id.type() == io.dicomfind.dicom.net.pdu.UserIdentity.JWT ? new byte[] {1}
                        : passcodes.check(id))
                .start();
        dcmqrscp = QueryRetrieveScp.start();
        orthanc = OrthancPeer.start();
        work = Peers.tempDir("findscu-negotiation");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {scp, dcmqrscp, orthanc}) {
            if (c != null) {
                c.close();
            }
        }
        if (work != null) {
            Peers.deleteRecursively(work);
        }
    }

    private Run run(List<String> connection, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID"));
        args.addAll(connection);
        return Run.of(args.toArray(String[]::new));
    }

    private List<String> embedded() {
        return List.of("-aec", "NEGSCP", scp.host(), Integer.toString(scp.port()));
    }

    @Test
    void partlyAcceptedExtendedNegotiationIsLoggedAndTheRestNamedInOneWarning() {
        Run r = run(embedded(), "-v", "-S", "--relational", "--fuzzy", "--timezone");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("I: Association Accepted (Max Send PDV: 16372)\n"
                + "I: Accepted Extended Negotiation: relational queries\n"), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("W: ")).toList();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.get(0).contains("did not accept fuzzy semantic matching of person names, timezone query"
                + " adjustment for Study Root Query/Retrieve Information Model - FIND"), warnings.get(0));
    }

    @Test
    void theWorklistGetsNoExtendedNegotiationAndSaysSo() {
        Run r = Run.of("-W", "--fuzzy", "-k", "PatientName", "-aec", "NEGSCP", scp.host(),
                Integer.toString(scp.port()));
        assertTrue(r.err().contains("negotiated for the Query/Retrieve FIND SOP classes only"), r.err());
    }

    @Test
    void aCorrectPasscodeFromAFileIsConfirmedAndNeverPrintedAtDebug() throws Exception {
        Path pass = Files.writeString(work.resolve("pass.txt"), SECRET + "\n");
        Run r = run(embedded(), "-d", "-S", "--relational", "--user", "alice", "--user-pass", "@" + pass,
                "--user-rsp");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("D:   Authentication mode 2: Username/Password\nD:   Username: [alice]\n"
                + "D:   Password: [***]\nD:   Positive Response requested: Yes\n"), r.err());
        assertTrue(r.err().contains("D: User Identity Negotiation Response:\n"
                + "D:   Server Response (not dumped) length: 0\n"), r.err());
        assertTrue(r.err().contains("D:       0x01 (relational queries)"), r.err());
        assertFalse(r.err().contains(SECRET) || r.out().contains(SECRET), "the passcode appeared in the output");
    }

    @Test
    void aWrongPasscodeExitsWithTheUserIdentityCodeAndNoSecret() {
        Run r = run(embedded(), "-d", "-S", "--user", "alice", "--user-pass", "wrong-" + SECRET);
        assertEquals(ExitCodes.USER_IDENTITY, r.code(), r.err());
        assertTrue(r.err().contains("E: User Identity Rejected: association rejected by 127.0.0.1:" + scp.port()
                + " (called AE 'NEGSCP') (calling AE 'FINDSCU'): rejected-permanent by service-user:"
                + " no-reason-given; the request carried our user identity (user name and passcode for 'alice'),"
                + " which the SCP did not accept"), r.err());
        assertFalse(r.err().contains(SECRET), r.err());
    }

    @Test
    void aJwtIsAcceptedAndMasked() {
        Run r = run(embedded(), "-d", "-S", "--user-jwt", TOKEN, "--user-rsp");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("D:   JSON Web Token: [*** " + TOKEN.length() + " bytes]"), r.err());
        assertFalse(r.err().contains("SECRET-SIGNATURE") || r.err().contains("eyJ"), r.err());
    }

    @Test
    void usageErrorsNameTheOptionAndExit1() {
        Run r = run(embedded(), "-S", "--user-pass", SECRET);
        assertEquals(ExitCodes.COMMAND_LINE, r.code());
        assertTrue(r.err().contains("--user-pass only allowed with --user"), r.err());
        assertFalse(r.err().contains(SECRET), r.err());
        Run two = run(embedded(), "-S", "--user", "a", "--user-jwt", TOKEN);
        assertEquals(ExitCodes.COMMAND_LINE, two.code());
        assertTrue(two.err().contains("give one user identity"), two.err());
        Run uid = run(embedded(), "-S", "--common-negotiation", "1.2.840.10008.4.2,x");
        assertTrue(uid.err().contains("'x' is not a UID"), uid.err());
    }

    /** By name: JUnit closes AutoCloseable arguments after each invocation, and these peers serve all tests. */
    Stream<String> realPeers() {
        return Stream.of("dcmqrscp", "Orthanc");
    }

    private DicomPeer peer(String name) {
        return name.equals("dcmqrscp") ? dcmqrscp : orthanc;
    }

    /** dcmqrscp and Orthanc answer no extended negotiation: nothing accepted, the query runs, one warning says so. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("realPeers")
    void realPeersAcceptNoExtendedNegotiationAndTheQueryStillRuns(String name) {
        DicomPeer peer = peer(name);
        Run r = run(peer.connectionArguments(), "-v", "-S", "--relational", "--datetime", "--fuzzy", "--timezone",
                "--multiframe", "--empty-value", "--multiple-value");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("did not accept relational queries, combined date and time matching, fuzzy"
                + " semantic matching of person names, timezone query adjustment, enhanced multi-frame image"
                + " conversion, empty value matching, multiple value matching for"
                + " Study Root Query/Retrieve Information Model - FIND"), r.err());
        assertTrue(r.err().contains("I: Accepted Extended Negotiation: none\n"), r.err());
        assertTrue(r.err().contains("I: Received Final Find Response (Success)"), r.err());
    }

    /** Neither checks user identities: without --user-rsp the association goes ahead, with it the run fails. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("realPeers")
    void realPeersIgnoreUserIdentity(String name) {
        DicomPeer peer = peer(name);
        Run ignored = run(peer.connectionArguments(), "-S", "--user", "bob", "--user-pass", SECRET);
        assertEquals(0, ignored.code(), ignored.err());
        Run confirm = run(peer.connectionArguments(), "-d", "-S", "--user", "bob", "--user-pass", SECRET,
                "--user-rsp");
        assertEquals(ExitCodes.USER_IDENTITY, confirm.code(), confirm.err());
        assertTrue(confirm.err().contains("did not confirm our user identity (user name and passcode for 'bob')"),
                confirm.err());
        assertFalse(confirm.err().contains(SECRET), confirm.err());
    }
}
