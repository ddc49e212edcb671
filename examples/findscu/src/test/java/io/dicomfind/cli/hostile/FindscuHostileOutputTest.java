package io.dicomfind.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.hostile.HostileOutput;
import io.dicomfind.dicom.net.hostile.HostileScp;
import io.dicomfind.dicom.net.hostile.StrictJson;
import io.dicomfind.dicom.net.hostile.StrictParsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's hostile responses ({@link HostileOutput}: a giant identifier, a huge multi-valued element, deep
 * sequences, control characters and malformed bytes in every text VR, an Error Comment with ESC and newlines)
 * through findscu run as a process at {@code -Xmx64m}, in every output mode: the exit code, the message, every
 * XML file well-formed for xmllint and the JDK's parser, every JSON file valid RFC 8259, every DICOM file readable
 * by DCMTK's dcmdump, and no raw control character on stdout or stderr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindscuHostileOutputTest {
    /** Each run gets this long; a giant identifier's dump is some 50 MB of log. */
    private static final long RUN_SECONDS = 240;
    private static final String CAP = "65536";

    private HostileScp scp;
    @TempDir
    Path tmp;

    @BeforeAll
    void start() throws IOException {
        scp = HostileScp.start();
    }

    @AfterAll
    void stop() throws IOException {
        if (scp != null) {
            scp.close();
        }
    }

    static Stream<List<String>> modes() {
        if (System.getProperty("hostile.modes") != null) {
            return Stream.of(System.getProperty("hostile.modes").split(";")).map(m -> List.of(m.split(" ")));
        }
        return Stream.of(List.of(), List.of("-v"), List.of("-d"), List.of("-X"), List.of("-Xx"),
                List.of("-Xs", "all.xml"), List.of("-J"), List.of("+sr", "-Xx"));
    }

    record Run(int exit, OutputScan out, OutputScan err) {
        String describe() {
            return "exit " + exit + "\nstderr " + err.summary() + "\nstdout " + out.summary();
        }
    }

    @ParameterizedTest(name = "findscu {0}")
    @MethodSource("modes")
    void hostileResponsesInEveryOutputMode(List<String> mode) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run" + String.join("", mode).replaceAll("[^A-Za-z]", "")));
        scp.next(HostileOutput.responses(HostileOutput.values()));
        Run run = findscu(dir, mode);
        boolean shown = !mode.contains("-X") && !mode.contains("-Xx") && !mode.contains("-Xs") && !mode.contains("-J")
                || mode.contains("+sr");
        assertNull(run.err.firstRaw(), () -> "raw control character on stderr: " + run.err.firstRaw() + "\n"
                + run.describe());
        assertNull(run.out.firstRaw(), () -> "raw control character on stdout: " + run.out.firstRaw() + "\n"
                + run.describe());
        for (String m : run.err.messages()) {
            assertTrue(m.startsWith("W: Find Response ") && m.contains("shortened"),
                    () -> "unexpected message '" + m + "'\n" + run.describe());
        }
        if (shown) {
            // exit 6: the 4,000,000 values were shown shortened, said once with response, tag and limit
            assertEquals(6, run.exit, run::describe);
            assertEquals(List.of("W: Find Response 2: 1 value(s) shown shortened to " + CAP
                    + " characters, the first in (0008,0119) (--max-print-length; +L prints values completely)"),
                    run.err.messages(), run::describe);
            assertEquals(HostileOutput.ELEMENTS - 1, run.err.count(" LO [V ]"), run::describe);
            assertEquals(HostileOutput.DEPTH, run.err.count("(0008,0060) CS [LV]"), run::describe);
            String name = run.err.matching().stream().filter(l -> l.contains("(0010,0010) PN [A")).findFirst()
                    .orElseThrow(() -> new AssertionError("no PatientName line\n" + run.describe()));
            assertTrue(name.contains("(0010,0010) PN [" + HostileOutput.HOSTILE_TEXT_SHOWN + "]"), name);
        } else {
            assertEquals(0, run.exit, run::describe);
            assertTrue(run.err.messages().isEmpty(), run::describe);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        if (mode.contains("-Xs")) {
            assertEquals(List.of(dir.resolve("all.xml")), files);
            assertEquals(4, StrictParsers.xml(dir.resolve("all.xml")));
        } else if (!shown || mode.contains("-Xx")) {
            assertEquals(4, files.size(), files.toString());
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".xml")) {
                    assertEquals(1, StrictParsers.xml(f));
                } else if (name.endsWith(".json")) {
                    StrictJson.check(f);
                } else {
                    StrictParsers.part10(f);
                }
            }
            if (mode.contains("-Xx")) { // the hostile text: base64 of exactly the bytes received
                assertArrayEquals(HostileOutput.HOSTILE_TEXT, base64Of(dir.resolve("rsp0004.xml"), "0010,0010"));
            }
        } else {
            assertTrue(files.isEmpty(), files.toString());
        }
        assertNull(scp.lastSession().failure, "the SCP's session failed");
    }

    @Test
    void errorCommentWithEscapeAndNewlines() throws Exception {
        scp.next(HostileOutput.errorComment());
        Run run = findscu(Files.createDirectories(tmp.resolve("comment")), List.of());
        assertEquals(4, run.exit, run::describe);
        assertNull(run.err.firstRaw(), () -> "raw control character on stderr: " + run.err.firstRaw());
        List<String> errors = run.err.messages();
        assertEquals(1, errors.size(), run::describe);
        assertTrue(errors.get(0).startsWith("E: Find Response Failed: A700H"), errors.get(0));
        assertTrue(errors.get(0).contains("comment: " + HostileOutput.ERROR_COMMENT_SHOWN), errors.get(0));
    }

    /** findscu as a process at -Xmx64m, its streams scanned as they come. */
    private Run findscu(Path dir, List<String> mode) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "io.dicomfind.cli.Findscu",
                "-W", "-aec", "HOSTILE", "-od", dir.toString(), "-k", "PatientName"));
        cmd.addAll(mode);
        cmd.addAll(List.of("127.0.0.1", String.valueOf(scp.port())));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        p.getOutputStream().close();
        OutputScan out = new OutputScan(null);
        OutputScan err = new OutputScan("(0010,0010)", " LO [V ]", "(0008,0060) CS [LV]");
        Thread reader = new Thread(() -> {
            try {
                out.read(p.getInputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "findscu-stdout");
        reader.start();
        err.read(p.getErrorStream());
        if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("findscu " + mode + " did not end within " + RUN_SECONDS + " s");
        }
        reader.join(10_000);
        scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
        return new Run(p.exitValue(), out, err);
    }

    /** Both strict parsers accept {@code f}; returns the number of {@code data-set} elements. */

    /** The base64 content of the element {@code tag} in a small DCMTK-format file. */
    private static byte[] base64Of(Path f, String tag) throws IOException {
        Matcher m = Pattern.compile("<element tag=\"" + tag + "\"[^>]* binary=\"base64\">([^<]*)</element>")
                .matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), () -> f + " holds no base64 " + tag);
        return Base64.getDecoder().decode(m.group(1));
    }

    /** DCMTK, an independent reader, reads the DICOM file (-q: only errors, to no output). */
}
