package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.peers.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DCMTK as an independent requestor of User Identity Negotiation (PS3.7 D.3.3.7) against the embedded SCP: DCMTK
 * 3.6.7's findscu has no identity options, its storescu has ({@code --user --password --jwt --pos-response}). The
 * SCP serves no storage, so storescu's contexts are refused, but its association is checked, answered or rejected
 * first, and storescu's {@code -d} log shows what it made of our A-ASSOCIATE-AC or -RJ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserIdentityDcmtkTest {
    private EmbeddedFindScp scp;
    private Path work;
    private Path file;
    private final AtomicReference<UserIdentity> seen = new AtomicReference<>();

    @BeforeAll
    void start() throws Exception {
        Peers.requireBinaries("storescu", "dump2dcm");
        work = Peers.tempDir("identity-dcmtk");
        Path dump = Files.writeString(work.resolve("x.dump"), "(0008,0016) UI =SecondaryCaptureImageStorage\n"
                + "(0008,0018) UI [1.2.3.4.5]\n(0010,0010) PN [TEST]\n");
        file = work.resolve("x.dcm");
        Peers.exec(List.of("dump2dcm", "-g", dump.toString(), file.toString()), work).requireSuccess();
        Attributes study = new Attributes();
        study.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
        UserIdentityCheck passcodes = UserIdentityCheck.passcodes(Map.of("alice", "dcmtk-pw"));
        scp = EmbeddedFindScp.builder().aeTitle("IDSCP").studies(List.of(study)).userIdentityCheck(id -> {
            seen.set(id);
            return id.type() == UserIdentity.JWT ? "jwt-answer".getBytes(StandardCharsets.US_ASCII)
                    : passcodes.check(id);
        }).start();
    }

    @AfterAll
    void stop() {
        if (scp != null) {
            scp.close();
        }
        if (work != null) {
            Peers.deleteRecursively(work);
        }
    }

    private Peers.ExecResult storescu(String... identity) {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-d", "-aec", "IDSCP"));
        cmd.addAll(List.of(identity));
        cmd.addAll(List.of(scp.host(), Integer.toString(scp.port()), file.toString()));
        return Peers.exec(cmd, work);
    }

    @Test
    void theRightPasscodeIsAcceptedAndTheEmptyServerResponseReachesDcmtk() {
        Peers.ExecResult r = storescu("--user", "alice", "--password", "dcmtk-pw", "--pos-response");
        String log = r.stderr() + new String(r.stdout(), StandardCharsets.UTF_8);
        assertEquals(UserIdentity.USERNAME_AND_PASSCODE, seen.get().type());
        assertEquals("alice", seen.get().username());
        assertTrue(seen.get().positiveResponseRequested());
        // DCMTK decoded our A-ASSOCIATE-AC with its (empty, PS3.7 D.3.3.7.2) server response, then found no
        // storage context: the association got past the identity check
        assertTrue(log.contains("D: Association Parameters Negotiated:"), log);
        assertTrue(log.contains("D: User Identity Negotiation Response:\nD:   Server Response (not dumped) length: 0"),
                log);
        assertTrue(log.contains("F: No Acceptable Presentation Contexts"), log);
    }

    @Test
    void aWrongPasscodeIsRejectedAsDcmtkSeesIt() {
        Peers.ExecResult r = storescu("--user", "alice", "--password", "wrong", "--pos-response");
        String log = r.stderr() + new String(r.stdout(), StandardCharsets.UTF_8);
        assertNotEquals(0, r.exitCode());
        assertTrue(log.contains("Association Rejected"), log);
        assertTrue(log.contains("Result: Rejected Permanent, Source: Service User"), log);
    }

    @Test
    void aJwtFromAFileReachesTheCheckIntact() throws Exception {
        String token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJkY210ayJ9.";
        Path jwt = Files.writeString(work.resolve("token.jwt"), token);
        Peers.ExecResult r = storescu("--jwt", jwt.toString(), "--pos-response");
        String log = r.stderr() + new String(r.stdout(), StandardCharsets.UTF_8);
        assertEquals(UserIdentity.JWT, seen.get().type());
        assertEquals(token, new String(seen.get().primaryField(), StandardCharsets.UTF_8));
        assertTrue(log.contains("D:   Server Response (not dumped) length: 10"), log);
    }
}
