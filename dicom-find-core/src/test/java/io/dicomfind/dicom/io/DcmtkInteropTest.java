package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by DCMTK are read by us, and ours by DCMTK's dcmdump without a warning. */
class DcmtkInteropTest {
    @TempDir
    Path tmp;

    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    private Path dump2dcm(String dump, String... options) throws Exception {
        Path in = tmp.resolve("in.dump");
        Files.writeString(in, dump, StandardCharsets.ISO_8859_1);
        Path out = tmp.resolve("out-" + System.nanoTime() + ".dcm");
        List<String> cmd = new java.util.ArrayList<>(List.of("dump2dcm"));
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        run(tmp, cmd.toArray(new String[0]));
        return out;
    }

    private static final String QUERY = """
            (0008,0005) CS [ISO_IR 100]
            (0008,0052) CS [STUDY]
            (0010,0010) PN [M\u00fcller^J\u00fcrgen]
            (0010,0020) LO []
            (0040,0100) SQ (Sequence with undefined length)
              (fffe,e000) na (Item with undefined length)
                (0008,0060) CS [CT]
                (0040,0002) DA [20200101-20201231]
              (fffe,e00d) na (ItemDelimitationItem)
            (fffe,e0dd) na (SequenceDelimitationItem)
            """;

    @Test
    void readsDump2dcmOutputInEverySyntax() throws Exception {
        for (String[] opts : new String[][] {{"-g"}, {"-g", "+te"}, {"-g", "+tb"}, {"-g", "+ti"}, {"-g", "-F", "+ti"},
                {"-g", "+td"}}) {
            Path file = dump2dcm(QUERY, opts);
            Part10.File f = Part10.read(file, DecodeLimits.DEFAULT);
            Attributes ds = f.dataSet();
            String what = String.join(" ", opts);
            assertEquals("M\u00fcller^J\u00fcrgen", ds.getString(Tag.PatientName), what);
            assertEquals("STUDY", ds.getString(Tag.QueryRetrieveLevel), what);
            assertTrue(ds.contains(Tag.PatientID), what);
            Attributes item = ds.getSequence(Tag.ScheduledProcedureStepSequence).get(0);
            assertEquals("CT", item.getString(Tag.Modality), what);
            assertEquals("20200101-20201231", item.getString(0x00400002), what);
        }
    }

    @Test
    void ourFilesAreReadByDcmdumpWithoutWarnings() throws Exception {
        Attributes ds = Part10.read(dump2dcm(QUERY, "-g"), DecodeLimits.DEFAULT).dataSet();
        for (TransferSyntax ts : TransferSyntax.ALL) {
            for (boolean undefined : new boolean[] {false, true}) {
                Path out = tmp.resolve("ours.dcm");
                try (OutputStream os = Files.newOutputStream(out)) {
                    Part10.write(os, ds, ts, "1.2.840.10008.5.1.4.1.2.2.1", "2.25.1", "2.25.2", "DICOMFIND_TEST",
                            "FINDSCU", new EncodeOptions(true, undefined, 6));
                }
                String dump = run(tmp, "dcmdump", "+U8", out.toString());
                String what = ts + (undefined ? " undefined lengths" : " explicit lengths");
                assertFalse(dump.contains("W:") || dump.contains("E:"), what + ":\n" + dump);
                assertTrue(dump.contains("(0010,0010) PN [M\u00fcller^J\u00fcrgen]"), what + ":\n" + dump);
                assertTrue(dump.contains("(0008,0060) CS [CT]"), what + ":\n" + dump);
                assertTrue(dump.contains("(0002,0010) UI =") || dump.contains("(0002,0010) UI [" + ts.uid()), dump);
                Attributes back = Part10.read(out, DecodeLimits.DEFAULT).dataSet();
                assertEquals(ds.getString(Tag.PatientName), back.getString(Tag.PatientName), what);
            }
        }
    }
}
