package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload run at build time under {@code -XX:ArchiveClassesAtExit} (see {@link CdsArchiveBuilder}): typical
 * findscu invocations, in-process, against the test kit's embedded SCP on the loopback interface, so that the classes
 * a short run needs (option parsing, association, DIMSE, decoding, encoding, file output, logging, dumps, the data
 * dictionary) are the ones the class-data sharing archive holds. Prints nothing on success; exits 1 with the reason
 * on standard error if an invocation does not end as a user's would.
 *
 * <p>The command line depends on the DICOM core only, so the SCP (module dicom-find-testkit) is not on its class
 * path: its jar, named by the system property {@value #SCP_JAR_PROPERTY}, is loaded through a class loader of its
 * own. That keeps the archive's class path the launcher's ({@code -jar} and the manifest's lib/): an archive dumped
 * with one more class-path entry would be refused by every later run, and classes of a custom loader are not
 * archived, so none of the SCP's classes end up in it.
 */
public final class CdsTraining {
    private static final String AE_TITLE = "CDSTRAIN";
    private static final String UID_ROOT = "2.25.95028113616340757337541209632916127781";

    private CdsTraining() {
    }

    /** The system property naming the dicom-find-testkit jar, whose embedded SCP answers the training queries. */
    static final String SCP_JAR_PROPERTY = "findscu.cds.scpJar";

    public static void main(String[] args) throws Exception {
        String scpJar = System.getProperty(SCP_JAR_PROPERTY);
        if (scpJar == null || !Files.isRegularFile(Path.of(scpJar))) {
            System.err.println("findscu CDS training: no test kit jar (-D" + SCP_JAR_PROPERTY + "=" + scpJar + ")");
            System.exit(1);
        }
        Path work = Files.createTempDirectory("findscu-cds-training");
        String failure;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(scpJar).toUri().toURL()},
                CdsTraining.class.getClassLoader());
                AutoCloseable scp = startScp(loader)) {
            Class<?> type = scp.getClass();
            failure = train((String) type.getMethod("host").invoke(scp),
                    (Integer) type.getMethod("port").invoke(scp), work);
        } finally {
            deleteRecursively(work);
        }
        if (failure != null) {
            System.err.println("findscu CDS training: " + failure);
            System.exit(1);
        }
    }

    /** {@code EmbeddedFindScp.builder().aeTitle(..).bindAddress(loopback).port(0).worklist(..).studies(..).start()}. */
    private static AutoCloseable startScp(ClassLoader loader) throws ReflectiveOperationException {
        Object builder = loader.loadClass("io.dicomfind.dicom.scp.EmbeddedFindScp").getMethod("builder").invoke(null);
        Class<?> type = builder.getClass();
        type.getMethod("aeTitle", String.class).invoke(builder, AE_TITLE);
        type.getMethod("bindAddress", InetAddress.class).invoke(builder, InetAddress.getLoopbackAddress());
        type.getMethod("port", int.class).invoke(builder, 0);
        type.getMethod("worklist", List.class).invoke(builder, worklist());
        type.getMethod("studies", List.class).invoke(builder, studies());
        return (AutoCloseable) type.getMethod("start").invoke(builder);
    }

    /** Runs the invocations; returns null, or what went wrong. */
    private static String train(String host, int scpPort, Path work) throws IOException {
        String port = Integer.toString(scpPort);
        Path queryFile = work.resolve("wlquery.dcm");
        writeWorklistQuery(queryFile);
        Path out1 = Files.createDirectories(work.resolve("x"));
        Path out2 = Files.createDirectories(work.resolve("xx"));
        List<List<String>> runs = List.of(
                List.of("-v", "-W", "-aec", AE_TITLE, "-k", "PatientName=*", "-k", "PatientID",
                        "-k", "(0040,0100)[0].Modality=CT", "-k", "(0040,0100)[0].ScheduledStationAETitle",
                        "-X", "-od", out1.toString(), host, port),
                List.of("-d", "-S", "-aec", AE_TITLE, "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName",
                        "-k", "0010,0020", "-k", "StudyInstanceUID", "-k", "StudyDate=20240101-",
                        "-Xx", "-od", out2.toString(), host, port),
                List.of("-q", "-W", "-aec", AE_TITLE, "--repeat", "2", "-k", "PatientName=Patient*",
                        host, port, queryFile.toString()),
                List.of("--version"));
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> args : runs) {
            int code = Findscu.run(args, sink, sink);
            if (code != ExitCodes.OK) {
                return "exit code " + code + " from findscu " + String.join(" ", args);
            }
        }
        if (isEmpty(out1) || isEmpty(out2)) {
            return "no response files written by -X or -Xx";
        }
        return null;
    }

    private static List<Attributes> worklist() {
        List<Attributes> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
            a.setString(Tag.AccessionNumber, VR.SH, "ACC" + i);
            a.setString(Tag.PatientName, VR.PN, "Patient^Name" + i);
            a.setString(Tag.PatientID, VR.LO, "PID" + i);
            a.setString(Tag.StudyInstanceUID, VR.UI, UID_ROOT + ".1." + i);
            Attributes sps = a.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
            sps.setString(Tag.Modality, VR.CS, i % 2 == 0 ? "CT" : "MR");
            sps.setString(0x00400001, VR.AE, "MODALITY" + i);   // Scheduled Station AE Title
            sps.setString(0x00400002, VR.DA, "2024061" + i);   // Scheduled Procedure Step Start Date
            sps.setString(0x00400009, VR.SH, "SPS" + i);       // Scheduled Procedure Step ID
            items.add(a);
        }
        return items;
    }

    private static List<Attributes> studies() {
        List<Attributes> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.PatientName, VR.PN, "Study^Patient" + i);
            a.setString(Tag.PatientID, VR.LO, "SPID" + i);
            a.setString(Tag.StudyInstanceUID, VR.UI, UID_ROOT + ".2." + i);
            a.setString(Tag.StudyDate, VR.DA, "2024070" + (i + 1));
            a.setString(Tag.SeriesInstanceUID, VR.UI, UID_ROOT + ".3." + i);
            a.setString(Tag.SOPInstanceUID, VR.UI, UID_ROOT + ".4." + i);
            a.setString(Tag.Modality, VR.CS, "CT");
            instances.add(a);
        }
        return instances;
    }

    /** A query file as dump2dcm would make one: Part 10, the worklist keys findscu sends with it. */
    private static void writeWorklistQuery(Path file) throws IOException {
        Attributes q = new Attributes();
        q.setNull(Tag.AccessionNumber, VR.SH);
        q.setNull(Tag.PatientName, VR.PN);
        q.setNull(Tag.PatientID, VR.LO);
        Attributes sps = q.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setNull(Tag.Modality, VR.CS);
        sps.setNull(0x00400002, VR.DA);
        try (OutputStream out = Files.newOutputStream(file)) {
            Part10.write(out, q, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, UID.ModalityWorklistInformationModelFind,
                    UID_ROOT + ".5", UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, null,
                    EncodeOptions.DEFAULT);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
