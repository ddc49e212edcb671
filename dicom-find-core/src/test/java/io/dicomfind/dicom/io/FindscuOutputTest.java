package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real responses from DCMTK's wlmscpfs, fetched by DCMTK's findscu three times: as DICOM files ({@code -X}), as
 * one XML document ({@code -Xs}) and as the verbose log. Our writers, fed with the decoded files, must produce the
 * same {@code -Xs} document and the same log dump of every response.
 */
class FindscuOutputTest {
    private static final String RESOURCES = "src/test/resources/io/dicomfind/dicom/io/dcmtk/";
    private static final String[] KEYS = {"-k", "0008,0005", "-k", "0010,0010", "-k", "0032,1032", "-k", "0010,0020",
            "-k", "0040,0100[0].0008,0060", "-k", "0040,0100[0].0040,0001", "-k", "0040,0100[0].0040,0012",
            "-k", "0020,000d"};

    @TempDir
    Path tmp;
    private Process scp;
    private int port;

    @BeforeEach
    void startWorklistScp() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("db/OFFIS"));
        Files.createFile(dir.resolve("lockfile"));
        for (String dump : new String[] {"wklist1.dump", "wklist5.dump", "latin1.dump"}) {
            DcmtkFormatsTest.run(tmp, "dump2dcm", "-g", Path.of(RESOURCES + dump).toAbsolutePath().toString(),
                    dir.resolve(dump.replace(".dump", ".wl")).toString());
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        scp = new ProcessBuilder("wlmscpfs", "-dfp", tmp.resolve("db").toString(), "-csk", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("wlm.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline || !scp.isAlive()) {
                    throw new AssertionError("wlmscpfs did not start: " + Files.readString(tmp.resolve("wlm.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stopWorklistScp() throws Exception {
        if (scp != null) {
            scp.destroy();
            scp.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private byte[] findscu(String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("findscu", "-W", "-aec", "OFFIS"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("127.0.0.1", Integer.toString(port)));
        cmd.addAll(List.of(KEYS));
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "findscu did not finish");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.ISO_8859_1));
        return out;
    }

    private List<Attributes> responsesAsFiles() throws Exception {
        Path od = Files.createDirectories(tmp.resolve("rsp"));
        findscu("-X", "-od", od.toString());
        List<Attributes> out = new ArrayList<>();
        for (int i = 1; Files.exists(od.resolve(String.format("rsp%04d.dcm", i))); i++) {
            Part10.File f = Part10.read(od.resolve(String.format("rsp%04d.dcm", i)), DecodeLimits.DEFAULT);
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, f.transferSyntax());
            out.add(f.dataSet());
        }
        assertEquals(3, out.size());
        return out;
    }

    @Test
    void xsDocumentIsTheSame() throws Exception {
        List<Attributes> responses = responsesAsFiles();
        findscu("-Xs", "all.xml");
        byte[] expected = Files.readAllBytes(tmp.resolve("all.xml"));
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (DcmtkXmlWriter.Responses doc = DcmtkXmlWriter.openResponses(ours, "C-FIND")) {
            for (Attributes ds : responses) {
                doc.add(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
        }
        assertEquals(new String(expected, StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));
        assertTrue(ours.toString(StandardCharsets.UTF_8).contains(">M\u00fcller^J\u00fcrgen</element>"));
    }

    @Test
    void xxDocumentsAreTheSame() throws Exception {
        List<Attributes> responses = responsesAsFiles();
        Path od = Files.createDirectories(tmp.resolve("xml"));
        findscu("-Xx", "-od", od.toString());
        for (int i = 0; i < responses.size(); i++) {
            byte[] expected = Files.readAllBytes(od.resolve(String.format("rsp%04d.xml", i + 1)));
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            new DcmtkXmlWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeDataSetDocument(responses.get(i), ours);
            assertEquals(new String(expected, StandardCharsets.ISO_8859_1), ours.toString(StandardCharsets.ISO_8859_1),
                    "response " + (i + 1));
        }
    }

    @Test
    void logDumpOfEachResponseIsTheSame() throws Exception {
        List<Attributes> responses = responsesAsFiles();
        String log = new String(findscu("-v"), StandardCharsets.ISO_8859_1);
        List<String> dumps = new ArrayList<>();
        StringBuilder current = null;
        for (String line : log.split("\n", -1)) {
            String text = line.startsWith("I: ") ? line.substring(3) : line.equals("I:") ? "" : null;
            if (text == null) {
                continue;
            }
            if (text.startsWith("Find Response: ")) {
                current = new StringBuilder();
            } else if (current != null && text.isEmpty() && current.length() > 0) {
                dumps.add(current.toString());
                current = null;
            } else if (current != null && !text.isEmpty()) {
                current.append(text).append('\n');
            }
        }
        assertEquals(responses.size(), dumps.size(), log);
        DumpWriter writer = new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).showPadding(true);
        for (int i = 0; i < dumps.size(); i++) {
            assertEquals(dumps.get(i), writer.dump(responses.get(i)), "response " + (i + 1));
        }
    }
}
