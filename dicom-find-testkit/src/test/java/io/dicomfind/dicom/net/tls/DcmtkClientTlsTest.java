package io.dicomfind.dicom.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.PeerKind;
import io.dicomfind.peers.PeerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DCMTK findscu {@code +tls} as the client of our embedded SCP with TLS: the SCP side interoperates with DCMTK. */
class DcmtkClientTlsTest {
    static final TestPki PKI = TestPki.get();

    @TempDir
    Path tmp;

    /** The embedded SCP seen as a harness peer, so DcmtkFindScu can query it. */
    record Embedded(EmbeddedFindScp scp, Path directory) implements DicomPeer {
        @Override
        public PeerKind kind() {
            return PeerKind.WORKLIST;
        }

        @Override
        public int port() {
            return scp.port();
        }

        @Override
        public String calledAeTitle() {
            return scp.aeTitle();
        }

        @Override
        public PeerProcess process() {
            throw new UnsupportedOperationException("in-process");
        }

        @Override
        public void close() {
            scp.close();
        }
    }

    static List<String> findscu(String... tls) {
        List<String> args = new ArrayList<>(List.of("-W", "-k", "PatientID", "-k", "PatientName"));
        args.addAll(List.of(tls));
        return args;
    }

    @Test
    void findscuTlsGetsEveryAnswerWithMutualAuthentication() throws Exception {
        List<Attributes> items = List.of(EmbeddedScpTlsTest.item(1), EmbeddedScpTlsTest.item(2));
        try (Embedded peer = new Embedded(EmbeddedFindScp.builder().aeTitle("TLSSCP").worklist(items)
                .tls(DicomTls.create(EmbeddedScpTlsTest.own("server").build())).start(), tmp)) {
            FindScuResult r = DcmtkFindScu.run(peer, findscu("+tls", PKI.file("client.key").toString(),
                    PKI.file("client.crt").toString(), "+cf", PKI.file("ca.crt").toString()), List.of(),
                    tmp.resolve("ok"));
            assertTrue(r.isSuccess(), r::describe);
            assertEquals(List.of("TLS1", "TLS2"), r.responses().values("(0010,0020)").stream().sorted().toList(),
                    r::describe);
            // findscu with a legacy-encrypted PKCS#1 key and +pw, and the retired +pz profile (TLS 1.2)
            FindScuResult pz = DcmtkFindScu.run(peer, findscu("+tls", PKI.file("client-pkcs1-enc.key").toString(),
                    PKI.file("client.crt").toString(), "+pw", TestPki.PASSWORD, "+pz", "+cf",
                    PKI.file("ca.crt").toString()), List.of(), tmp.resolve("pz"));
            assertTrue(pz.isSuccess(), pz::describe);
            assertEquals(2, pz.responses().size(), pz::describe);
        }
    }

    @Test
    void ourScpRefusesFindscuWithoutOrWithAForeignCertificate() throws Exception {
        try (Embedded peer = new Embedded(EmbeddedFindScp.builder().aeTitle("TLSSCP")
                .worklist(List.of(EmbeddedScpTlsTest.item(1)))
                .tls(DicomTls.create(EmbeddedScpTlsTest.own("server").build())).start(), tmp)) {
            FindScuResult anonymous = DcmtkFindScu.run(peer, findscu("+tla", "+cf", PKI.file("ca.crt").toString()),
                    List.of(), tmp.resolve("tla"));
            assertTrue(anonymous.exitCode() != 0 && anonymous.responses().size() == 0, anonymous::describe);
            FindScuResult foreign = DcmtkFindScu.run(peer, findscu("+tls", PKI.file("client-other.key").toString(),
                    PKI.file("client-other.crt").toString(), "+cf", PKI.file("ca.crt").toString()), List.of(),
                    tmp.resolve("other"));
            assertTrue(foreign.exitCode() != 0 && foreign.responses().size() == 0, foreign::describe);
            assertEquals(0, peer.scp().counters().queries(), "no query got past the TLS handshake");
        }
    }
}
