package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our dcmdump and dcm2xml renderings compared byte for byte with DCMTK's, on files made by dump2dcm. */
class DcmtkFormatsTest {
    @TempDir
    Path tmp;

    static byte[] run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        return out;
    }

    static Stream<String> dumps() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/io/dicomfind/dicom/io/dcmtk"))) {
            files.filter(f -> f.toString().endsWith(".dump")).sorted().forEach(f -> names.add(f.toString()));
        }
        return names.stream();
    }

    private Path dump2dcm(String dump, String... options) throws Exception {
        Path out = tmp.resolve(Path.of(dump).getFileName() + "-" + System.nanoTime() + ".dcm");
        List<String> cmd = new ArrayList<>(List.of("dump2dcm"));
        cmd.addAll(List.of(options));
        cmd.add(Path.of(dump).toAbsolutePath().toString());
        cmd.add(out.toString());
        run(tmp, cmd.toArray(new String[0]));
        return out;
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void dcm2xmlFileFormat(String dump) throws Exception {
        for (String[] opts : new String[][] {{"-g"}, {"-g", "+ti"}, {"-g", "+tb"}}) {
            Path file = dump2dcm(dump, opts);
            Part10.File f = Part10.read(file, DecodeLimits.DEFAULT);
            byte[] expected = run(tmp, "dcm2xml", file.toString());
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            new DcmtkXmlWriter(f.transferSyntax()).writeFileFormat(f.meta(), f.dataSet(), ours);
            assertEquals(new String(expected, StandardCharsets.ISO_8859_1), ours.toString(StandardCharsets.ISO_8859_1),
                    dump + " " + String.join(" ", opts));
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void dcm2xmlConvertedToUtf8WithoutNames(String dump) throws Exception {
        Path file = dump2dcm(dump, "-g");
        Part10.File f = Part10.read(file, DecodeLimits.DEFAULT);
        byte[] expected = run(tmp, "dcm2xml", "+U8", "-Wn", file.toString());
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        new DcmtkXmlWriter(f.transferSyntax()).convertToUtf8(true).writeNames(false)
                .writeFileFormat(f.meta(), f.dataSet(), ours);
        assertEquals(new String(expected, StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8), dump);
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void dcmdump(String dump) throws Exception {
        for (String[] opts : new String[][] {{"-g"}, {"-g", "+ti"}}) {
            Path file = dump2dcm(dump, opts);
            Part10.File f = Part10.read(file, DecodeLimits.DEFAULT);
            Charset cs = charsetOf(f.dataSet());
            String expected = new String(run(tmp, "dcmdump", file.toString()), cs);
            String ours = new DumpWriter(f.transferSyntax()).dumpFile(f.meta(), f.dataSet());
            assertEquals(expected, ours, dump + " " + String.join(" ", opts));
            // undefined lengths, as dump2dcm -e writes them
            Path undefined = dump2dcm(dump, "-g", "-e");
            f = Part10.read(undefined, DecodeLimits.DEFAULT);
            expected = new String(run(tmp, "dcmdump", undefined.toString()), cs);
            ours = new DumpWriter(f.transferSyntax()).sequenceLengths(DumpWriter.SequenceLengths.UNDEFINED)
                    .dumpFile(f.meta(), f.dataSet());
            assertEquals(expected, ours, dump + " -e");
        }
    }

    private static Charset charsetOf(io.dicomfind.dicom.data.Attributes ds) {
        String cs = ds.getString(io.dicomfind.dicom.data.Tag.SpecificCharacterSet);
        return "ISO_IR 192".equals(cs) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }
}
