package io.dicomfind.examples.sample;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.scp.DataSetSource;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in RIS and PACS: the embedded C-FIND SCP serving {@link SampleData} (today's worklist and the priors), so
 * the examples run without DCMTK, Orthanc or a hospital network.
 *
 * <pre>
 * mvn -q exec:java                                   # in examples/sample-data: 127.0.0.1:11112, AE title SAMPLESCP
 * mvn -q exec:java -Dexec.args="--port 4242 --aet RIS"
 * </pre>
 * It answers Modality Worklist, Patient Root, Study Root and Patient/Study Only C-FINDs, and C-ECHO.
 */
public final class SampleScp implements AutoCloseable {

    public static final String DEFAULT_AE_TITLE = "SAMPLESCP";
    public static final int DEFAULT_PORT = 11112;

    private final EmbeddedFindScp scp;
    private final List<Attributes> worklist;
    private final LocalDate today;

    private SampleScp(EmbeddedFindScp scp, List<Attributes> worklist, LocalDate today) {
        this.scp = scp;
        this.worklist = worklist;
        this.today = today;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one (see {@link #port()}). */
    public static SampleScp start(String aeTitle, int port) throws IOException {
        LocalDate today = LocalDate.now();
        // A list that later queries see changes of: addLateOrders() is a new order arriving at the RIS.
        List<Attributes> worklist = new CopyOnWriteArrayList<>(SampleData.worklist(today));
        EmbeddedFindScp scp = EmbeddedFindScp.builder()
                .aeTitle(aeTitle)
                .port(port)
                .worklist(DataSetSource.of(worklist))
                .studies(SampleData.studies())
                .start();
        return new SampleScp(scp, worklist, today);
    }

    /** Adds {@link SampleData#lateOrders(LocalDate)}: the next worklist query finds them. */
    public List<Attributes> addLateOrders() {
        List<Attributes> late = SampleData.lateOrders(today);
        worklist.addAll(late);
        return late;
    }

    public String host() {
        return scp.host();
    }

    public int port() {
        return scp.port();
    }

    public String aeTitle() {
        return scp.aeTitle();
    }

    public int worklistSize() {
        return worklist.size();
    }

    /** The embedded SCP, for its counters (associations, queries, responses). */
    public EmbeddedFindScp scp() {
        return scp;
    }

    @Override
    public void close() {
        scp.close();
    }

    public static void main(String[] args) throws Exception {
        String aet = DEFAULT_AE_TITLE;
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--aet" -> aet = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                default -> {
                    System.err.println("usage: SampleScp [--aet AETITLE] [--port PORT]");
                    System.exit(2);
                }
            }
        }
        SampleScp sample = start(aet, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sample.close();
            stopped.countDown();
        }, "sample-scp-shutdown"));
        System.out.printf("Sample RIS/PACS listening on %s:%d as %s: %d worklist items (%s), %d study instances."
                + " Ctrl-C stops it.%n", sample.host(), sample.port(), sample.aeTitle(), sample.worklistSize(),
                "4 for today", SampleData.studies().size());
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
