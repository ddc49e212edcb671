package io.dicomfind.examples.file;

import io.dicomfind.examples.sample.ExampleRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.dicom.io.NativeXmlWriter;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.examples.sample.SampleScp;
import io.dicomfind.peers.Peers;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The file example run as {@code FileExample.main} runs it, against the sample SCP: the query files shipped in
 * {@code examples/file/queries/} plus a Part-10, a Native XML and a broken query are dropped in; every output file is
 * read back.
 */
@Timeout(120)
class FileExampleTest {
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
    private static SampleScp sample;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleScp.start("SAMPLESCP", 0);
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    @Test
    void queryFilesDroppedInGiveResponseFiles() throws Exception {
        Path queries = work.resolve("queries");
        Path out = work.resolve("responses");
        Peers.copyTree(Path.of("queries"), queries); // the examples the README tells users to drop in
        Files.createDirectories(queries.resolve("patient"));
        Attributes patients = new Attributes();
        patients.setString(0x00080052, VR.CS, "PATIENT");
        patients.setString(0x00100010, VR.PN, "*A*");
        patients.setNull(0x00100020, VR.LO);
        try (OutputStream os = Files.newOutputStream(queries.resolve("patient/with-a.dcm"))) {
            Part10.write(os, patients, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "1.2.840.10008.5.1.4.1.2.1.1",
                    "2.25.1", "2.25.2", "TEST", null, EncodeOptions.DEFAULT);
        }
        Attributes mr = new Attributes();
        mr.setNull(0x00100010, VR.PN);
        mr.newSequence(0x00400100).addItem().setString(0x00080060, VR.CS, "MR");
        Files.writeString(queries.resolve("worklist/mr.xml"), NativeXmlWriter.toXml(mr));
        Files.createDirectories(queries.resolve("nomodel"));
        Files.writeString(queries.resolve("nomodel/bad.keys"), "PatientName\n");

        List<ExampleRun.Line> lines = ExampleRun.run(FileExample.newMain(), Map.of(
                "dicom.port", Integer.toString(sample.port()),
                "queries.dir", queries.toString(), "output.dir", out.toString(),
                "camel.main.durationMaxIdleSeconds", "3"));

        // today's CT01 worklist: WL001 and WL002
        Path ct = out.resolve("worklist/todays-ct01");
        assertEquals(List.of("WL001", "WL002"), List.of(accession(ct, "rsp0001"), accession(ct, "rsp0002")));
        assertFalse(ct.resolve("rsp0003.json"));
        Attributes first = new JsonReader().readDataSet(Files.readString(ct.resolve("rsp0001.json")));
        assertEquals("DOE^JOHN", first.getString(0x00100010));
        assertEquals(TODAY, first.getSequence(0x00400100).get(0).getString(0x00400002));
        Part10.File dcm = Part10.read(ct.resolve("rsp0002.dcm"), DecodeLimits.DEFAULT);
        assertEquals("MÜLLER^ANNA", dcm.dataSet().getString(0x00100010));
        assertEquals("1.2.840.10008.5.1.4.31", dcm.meta().getString(0x00020002)); // Media Storage SOP Class: MWL FIND
        Document x = xml(ct.resolve("rsp0001.xml"));
        assertEquals("data-set", x.getDocumentElement().getTagName());
        assertEquals("DOE^JOHN", element(x, "0010,0010").getTextContent());
        Document all = xml(ct.resolve("responses.xml"));
        assertEquals("responses", all.getDocumentElement().getTagName());
        assertEquals("C-FIND", all.getDocumentElement().getAttribute("type"));
        assertEquals(2, all.getElementsByTagName("data-set").getLength());

        // study-level query from DICOM JSON: PAT001's two prior studies
        Path priors = out.resolve("study/priors-pat001");
        assertEquals(List.of("responses.xml", "rsp0001.dcm", "rsp0001.json", "rsp0001.xml", "rsp0002.dcm",
                "rsp0002.json", "rsp0002.xml"), list(priors));
        assertEquals("STUDY", new JsonReader().readDataSet(Files.readString(priors.resolve("rsp0001.json")))
                .getString(0x00080052));

        // Part-10 query (patient root): patients with an A in their name
        assertEquals(3, xml(out.resolve("patient/with-a/responses.xml")).getElementsByTagName("data-set")
                .getLength()); // MÜLLER^ANNA, SMITH^JANE, GARCIA^LUIS
        // Native XML query: the MR items
        assertEquals(1, xml(out.resolve("worklist/mr/responses.xml")).getElementsByTagName("data-set").getLength());

        // processed files moved aside, the broken one too, with the reason logged
        assertTrue(Files.exists(queries.resolve(".done/worklist/todays-ct01.keys")));
        assertTrue(Files.exists(queries.resolve(".done/patient/with-a.dcm")));
        assertTrue(Files.exists(queries.resolve(".failed/nomodel/bad.keys")));
        assertTrue(lines.stream().anyMatch(l -> l.level().equals("ERROR")
                && l.message().startsWith("Query nomodel/bad.keys failed: ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.message().matches(
                "Query worklist/todays-ct01.keys: Success, 2 responses, written to .*worklist/todays-ct01/")),
                lines.toString());
        assertEquals(0, sample.scp().counters().openAssociations());
    }

    private static String accession(Path dir, String rsp) throws Exception {
        return new JsonReader().readDataSet(Files.readString(dir.resolve(rsp + ".json"))).getString(0x00080050);
    }

    private static void assertFalse(Path p) {
        assertTrue(!Files.exists(p), p + " should not exist");
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static Element element(Document doc, String tag) {
        NodeList all = doc.getElementsByTagName("element");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("tag").equals(tag)) {
                return e;
            }
        }
        throw new AssertionError("no element " + tag);
    }

}
