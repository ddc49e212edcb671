package io.dicomfind.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo as {@code ./demo.sh} runs it ({@link DemoMain#main}), shortened; its printed lines and files. */
@Timeout(120)
class DemoMainTest {
    @TempDir
    Path tmp;

    @Test
    void demoRunsPollsAndQueriesAndEndsWithASummary() throws Exception {
        Path output = tmp.resolve("out");
        Files.createDirectories(output.resolve("worklist"));
        Files.writeString(output.resolve("worklist/STALE.json"), "{}"); // from an earlier run: removed
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8)); // the log lines go to System.out
        try {
            DemoMain.main("--duration", "6s", "--poll", "500ms", "--late-order", "2500ms", "--output",
                    output.toString());
        } finally {
            System.setOut(stdout);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        stdout.println(printed);

        assertTrue(printed.startsWith("camel-dicom-find demo: DICOM C-FIND from Apache Camel routes, with no PACS"
                + " and no DCMTK."), printed);
        assertContains(printed, "[overview] today's worklist at SAMPLESCP: 4 items (CT01 2, MR01 1, US01 1);"
                + " C-FIND Success in ");
        assertContains(printed, "[poll] CT01: new worklist item DOE^JOHN [PAT001] accession WL001: CT on CT01 at"
                + " 08:30, CT CHEST W/O CONTRAST");
        assertContains(printed, "[priors] DOE^JOHN [PAT001]: 2 earlier studies: 2023-03-14 CT CT CHEST;"
                + " 2021-06-22 CR CHEST 2 VIEWS");
        assertContains(printed, "[priors] MÜLLER^ANNA [PAT002]: 1 earlier study: 2022-11-03 MR MR ABDOMEN");
        assertContains(printed, "[poll] CT01: nothing new");
        assertContains(printed, "[ris] a new order arrives at the RIS: BROWN^EDDIE [PAT007] accession WL007: CT on"
                + " CT01 at 15:30, CT SPINE LUMBAR");
        assertContains(printed, "[priors] BROWN^EDDIE [PAT007]: no earlier studies");
        // the late order comes after some idle polls: it is found by a later poll, not by the first
        assertTrue(printed.indexOf("[poll] CT01: nothing new") < printed.indexOf("accession WL007: CT on CT01 at"
                + " 15:30, CT SPINE LUMBAR\n"), printed);
        assertContains(printed, "\nSummary\n  worklist polls for CT01 ........ ");
        assertContains(printed, "  new worklist items routed ...... 3 [WL001, WL002, WL007]\n");
        assertContains(printed, "  prior-study queries ............ 3, 3 earlier studies found\n");
        assertContains(printed, "  files written .................. 6 in " + output.toAbsolutePath() + "\n");
    }

    @Test
    void summaryCountsWhatHappened() throws Exception {
        Path output = tmp.resolve("out");
        DemoSummary s = DemoMain.run(new DemoOptions(Duration.ofSeconds(5), Duration.ofMillis(400),
                Duration.ofSeconds(2), "CT01", output), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertEquals(List.of("WL001", "WL002", "WL007"), s.newItems());
        assertTrue(s.polls() >= 6, "polls " + s.polls());
        assertTrue(s.idlePolls() >= 3, "idle polls " + s.idlePolls());
        // every poll after the first sends WL001 and WL002 again (and WL007 once it is there): all skipped (the
        // last poll may have been cut short by the end of the demo)
        assertTrue(s.repeatsSuppressed() >= 2 * (s.polls() - 2), s.toString());
        assertEquals(3, s.priorQueries());
        assertEquals(3, s.priorsFound());
        assertEquals(List.of(output.resolve("priors/PAT001.json"), output.resolve("priors/PAT002.json"),
                output.resolve("priors/PAT007.json"), output.resolve("worklist/WL001.json"),
                output.resolve("worklist/WL002.json"), output.resolve("worklist/WL007.json")), s.files());
        Attributes wl007 = new JsonReader().readDataSet(Files.readString(output.resolve("worklist/WL007.json")));
        assertEquals("PAT007", wl007.getString(0x00100020));
        List<Attributes> priors = new JsonReader().readDataSets(Files.readString(output.resolve("priors/PAT001.json")));
        assertEquals(2, priors.size());
        assertEquals(0, new JsonReader().readDataSets(Files.readString(output.resolve("priors/PAT007.json"))).size());
        assertEquals(s.associations(), s.released());
        assertEquals(0, s.open());
    }

    @Test
    void commandLineErrorsNameTheOption() {
        assertEquals("--poll takes a duration such as 500ms, 20s or 1m, not 'often'",
                assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--poll", "often")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--fast", "1"))
                .getMessage().startsWith("unknown option --fast; usage: demo"));
        assertEquals(Duration.ofSeconds(20), DemoOptions.parse("--duration", "20s").duration());
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "missing: " + part + "\nin:\n" + text);
    }
}
