package io.dicomfind.examples.demo;

import io.dicomfind.dicom.scp.ScpCounters;
import io.dicomfind.examples.sample.SampleData;
import io.dicomfind.examples.sample.SampleScp;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.main.Main;

/**
 * The demo {@code ./demo.sh} runs. No PACS, no DCMTK: an embedded C-FIND SCP plays the hospital's RIS and PACS,
 * loaded with the sample data set ({@link SampleData}, the worklist moved to today), and the {@link DemoRoutes} run
 * against it under Camel Main, printing what they do. The demo stops itself after {@code --duration} and prints a
 * summary.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String... args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    /** Runs the demo to its end; prints to {@code out} what it is about and the summary, and returns the summary. */
    public static DemoSummary run(DemoOptions options, PrintStream out) throws Exception {
        out.printf("""
                camel-dicom-find demo: DICOM C-FIND from Apache Camel routes, with no PACS and no DCMTK.
                  An embedded C-FIND SCP plays the RIS (Modality Worklist) and the PACS (Study Root), loaded with the
                  sample data of examples/sample-data, scheduled for today (%s).
                  Routes: worklist-overview asks once for today's whole worklist; poll-worklist polls the worklist of
                  station %s every %s and routes each new item once (idempotent consumer): a DICOM JSON file, then
                  prior-studies asks the PACS for the patient's earlier studies. After %s a new order arrives at the
                  RIS. The demo ends by itself after %s.
                %n""", LocalDate.now(), options.station(), text(options.poll()), text(options.lateOrder()),
                text(options.duration()));
        clean(options.output());
        try (SampleScp ris = SampleScp.start(SampleScp.DEFAULT_AE_TITLE, 0)) {
            out.printf("[setup] embedded SCP %s listening on %s:%d: %d worklist items, %d study instances%n",
                    ris.aeTitle(), ris.host(), ris.port(), ris.worklistSize(), SampleData.studies().size());
            DemoStats stats = new DemoStats();
            Main main = new Main();
            main.bind("ris", ris);
            main.bind("demoText", new DemoText());
            main.configure().addRoutesBuilder(new DemoRoutes(stats));
            main.addOverrideProperty("camel.main.name", "dicomfind-demo");
            main.addOverrideProperty("camel.main.durationMaxSeconds",
                    Long.toString(options.duration().toSeconds()));
            main.addOverrideProperty("camel.component.dicomfind.callingAet", "DEMO");
            main.addOverrideProperty("dicom.host", ris.host());
            main.addOverrideProperty("dicom.port", Integer.toString(ris.port()));
            main.addOverrideProperty("dicom.aet", ris.aeTitle());
            main.addOverrideProperty("demo.station", options.station());
            main.addOverrideProperty("demo.pollDelay", Long.toString(options.poll().toMillis()));
            main.addOverrideProperty("demo.lateOrderDelay", Long.toString(options.lateOrder().toMillis()));
            main.addOverrideProperty("demo.output", options.output().toAbsolutePath().toString());
            main.run();

            ScpCounters c = ris.scp().counters();
            long polls = c.queries() - 1 - stats.priorQueries(); // less the overview and the prior-study queries
            long repeats = c.pendingResponses() - stats.overviewItems() - stats.newItems().size()
                    - stats.priorsFound();
            DemoSummary summary = new DemoSummary(polls, stats.idlePolls(), stats.newItems(), repeats,
                    stats.priorQueries(), stats.priorsFound(), files(options.output()), c.totalAssociations(),
                    c.releasedAssociations(), c.openAssociations());
            out.println();
            out.print(summary.text(options));
            return summary;
        }
    }

    static String text(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The output folder of an earlier run is removed, so the summary counts this run's files. */
    private static void clean(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
