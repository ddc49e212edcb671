package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.net.tls.TestPki;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.peers.Peers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launcher script {@code examples/findscu/findscu} as users run it (a bash process, after {@code package}), with
 * the class-data sharing archive the build leaves in {@code target/}: the archive is mapped, and whether it is used,
 * turned off, stale, truncated, garbage, from another JDK build or from a moved directory, findscu's output (stdout,
 * stderr, exit code, {@code -X} files) is the same, byte for byte: nothing the JVM says about the archive may reach
 * it. Damaged archives are made in copies of {@code target/}, never in the real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindscuLauncherIT {
    private static final String AE_TITLE = "LAUNCHIT";
    private static final List<String> LAUNCHER_DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path module = Path.of("").toAbsolutePath();
    private EmbeddedFindScp scp;
    private Path work;
    private Path out;

    @BeforeAll
    void start() throws IOException {
        scp = EmbeddedFindScp.builder().aeTitle(AE_TITLE).port(0).worklist(worklist()).studies(studies()).start();
        work = Files.createTempDirectory("findscu-launcher-it");
        out = work.resolve("out");
    }

    @AfterAll
    void stop() throws IOException {
        if (scp != null) {
            scp.close();
        }
        if (work != null) {
            Peers.deleteRecursively(work);
        }
    }

    // (a) the build's archive exists, belongs to the jars, and the JVM maps it

    @Test
    void buildLeavesAnArchiveThatTheLauncherMaps() throws IOException {
        Path target = module.resolve("target");
        Path archive = target.resolve("findscu.jsa");
        assertTrue(Files.isRegularFile(archive), "no " + archive + " after package");
        assertEquals(Long.toString(Files.size(archive)),
                Files.readString(target.resolve("findscu.jsa.size"), StandardCharsets.US_ASCII).strip());
        for (Path jar : jars(target)) {
            assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                    "archive not newer than " + jar);
        }
        Path classLog = work.resolve("class-load.log");
        // -Xshare:on: the JVM exits with an error unless it maps the archive it is given
        Result r = launch(module, Map.of("FINDSCU_JAVA_OPTS", "-Xshare:on -Xlog:class+load:file=" + classLog),
                query());
        assertEquals(0, r.code, r.toString());
        String loaded = Files.readString(classLog, StandardCharsets.UTF_8);
        for (String c : List.of("io.dicomfind.cli.Findscu", "io.dicomfind.cli.FindRunner",
                "io.dicomfind.dicom.data.ElementDictionary", "io.dicomfind.dicom.io.DataSetReader",
                "io.dicomfind.dicom.net.Association")) {
            assertTrue(loaded.contains(c + " source: shared objects file (top)"), c + " not from the archive");
        }
    }

    // (b) BouncyCastle: shipped in target/lib, loaded only when a key file is read

    @Test
    void bouncyCastleIsShippedAndLoadedOnlyForAKeyFile() throws IOException {
        List<String> shipped = jars(module.resolve("target")).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("bc")).sorted().toList();
        assertEquals(List.of("bcpkix", "bcprov", "bcutil"), shipped.stream().map(n -> n.substring(0, 6)).toList(),
                shipped.toString());
        Path plainLog = work.resolve("class-load-plain.log");
        Result plain = launch(module, Map.of("FINDSCU_JAVA_OPTS", "-Xlog:class+load:file=" + plainLog), query());
        assertEquals(0, plain.code, plain.toString());
        assertFalse(Files.readString(plainLog, StandardCharsets.UTF_8).contains("org.bouncycastle."),
                "a run without TLS loaded a BouncyCastle class");
        Path anonymousLog = work.resolve("class-load-anonymous.log");
        Result anonymous = launch(module, Map.of("FINDSCU_JAVA_OPTS", "-Xlog:class+load:file=" + anonymousLog),
                tlsQuery("+tla"));
        assertEquals(2, anonymous.code, anonymous.toString()); // the port is closed: a connection failure
        assertFalse(Files.readString(anonymousLog, StandardCharsets.UTF_8).contains("org.bouncycastle."),
                "+tla (no key file) loaded a BouncyCastle class");
        Path keyLog = work.resolve("class-load-key.log");
        TestPki pki = TestPki.get();
        Result key = launch(module, Map.of("FINDSCU_JAVA_OPTS", "-Xlog:class+load:file=" + keyLog),
                tlsQuery("+tls", pki.file("client-pkcs1-enc.key").toString(), pki.file("client.crt").toString(),
                        "+pw", TestPki.PASSWORD));
        assertEquals(2, key.code, key.toString()); // key read, then the connection fails
        assertTrue(Files.readString(keyLog, StandardCharsets.UTF_8).contains("org.bouncycastle.openssl.PEMParser"),
                "the key file was not read with BouncyCastle");
    }

    @Test
    void withoutBouncyCastleAKeyFileNamesTheJarToAdd() throws IOException {
        Path copy = copyOfTarget("no-bouncycastle");
        try (Stream<Path> s = Files.list(copy.resolve("target/lib"))) {
            for (Path jar : s.filter(p -> p.getFileName().toString().startsWith("bc")).toList()) {
                Files.delete(jar);
            }
        }
        TestPki pki = TestPki.get();
        Result r = launch(copy, Map.of(), tlsQuery("+tls", pki.file("client.key").toString(),
                pki.file("client.crt").toString()));
        assertEquals(1, r.code, r.toString());
        assertTrue(r.stderr.contains("needs BouncyCastle: add bcpkix-jdk18on.jar"), r.toString());
        assertFalse(r.stderr.contains("Exception") || r.stderr.contains("\tat "), r.toString());
        // TLS without a key file still works
        assertEquals(2, launch(copy, Map.of(), tlsQuery("+tla")).code);
    }

    /** A query with these TLS options to a closed port, trusting the test CA. */
    private List<String> tlsQuery(String... tls) throws IOException {
        String closed;
        try (ServerSocket s = new ServerSocket(0, 1, scp.address())) {
            closed = Integer.toString(s.getLocalPort());
        }
        List<String> args = new ArrayList<>(List.of(tls));
        args.addAll(List.of("+cf", TestPki.get().file("ca.crt").toString(), "-aec", AE_TITLE, "-k",
                "PatientName=", scp.host(), closed));
        return args;
    }

    @Test
    void xshareOnFailsWhenTheArchiveCannotBeMappedSoTheChecksAboveMeanSomething() throws IOException {
        Path copy = copyOfTarget("control");
        Path archive = copy.resolve("target/findscu.jsa");
        replace(archive, garbage(Files.size(archive)));
        Result r = launch(copy, Map.of("FINDSCU_JAVA_OPTS", "-Xshare:on"), "--version");
        assertNotEquals(0, r.code, r.toString());
    }

    // (b) same output with and without the archive

    @Test
    void sameOutputWithAndWithoutTheArchive() throws IOException {
        for (List<String> args : invocations()) {
            Result with = launch(module, Map.of(), args);
            Result without = launch(module, Map.of("FINDSCU_CDS", "off"), args);
            without.assertSameAs(with, args);
        }
    }

    // (c) a damaged archive: same output, nothing extra printed

    @Test
    void archiveOfAnOlderJarIsNotUsed() throws IOException {
        Path copy = copyOfTarget("stale-jar");
        Path jar = mainJar(copy.resolve("target"));
        Files.setLastModifiedTime(jar, later(copy.resolve("target/findscu.jsa")));
        assertIgnoredSilently(copy, true);
    }

    @Test
    void archiveOfAnOlderLibraryIsNotUsed() throws IOException {
        Path copy = copyOfTarget("stale-lib");
        Path lib = jars(copy.resolve("target")).get(1);
        Files.setLastModifiedTime(lib, later(copy.resolve("target/findscu.jsa")));
        assertIgnoredSilently(copy, true);
    }

    @Test
    void truncatedArchiveIsNotUsed() throws IOException {
        // JDK 17 maps a truncated archive and dies of SIGBUS: the launcher must not hand it over
        Path copy = copyOfTarget("truncated");
        Path archive = copy.resolve("target/findscu.jsa");
        byte[] bytes = Files.readAllBytes(archive);
        replace(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertIgnoredSilently(copy, true);
    }

    @Test
    void archiveWithoutItsSizeFileIsNotUsed() throws IOException {
        Path copy = copyOfTarget("no-size");
        Files.delete(copy.resolve("target/findscu.jsa.size"));
        assertIgnoredSilently(copy, true);
    }

    @Test
    void garbageArchiveIsIgnoredSilently() throws IOException {
        Path copy = copyOfTarget("garbage");
        Path archive = copy.resolve("target/findscu.jsa");
        replace(archive, garbage(Files.size(archive)));   // same size: only the JVM can tell
        assertIgnoredSilently(copy, false);
    }

    @Test
    void archiveOfAnotherJdkBuildIsIgnoredSilently() throws IOException {
        Path copy = copyOfTarget("other-jdk");
        Path archive = copy.resolve("target/findscu.jsa");
        byte[] bytes = Files.readAllBytes(archive);
        // the header names the JVM that wrote it (e.g. "OpenJDK 64-Bit Server VM (17.0.15+6-...)")
        byte[] version = System.getProperty("java.vm.version").getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, version, 4096);
        assertTrue(at >= 0, "no " + System.getProperty("java.vm.version") + " in the archive header");
        bytes[at] = (byte) (bytes[at] == '9' ? '8' : '9');
        replace(archive, bytes);
        assertIgnoredSilently(copy, false);
    }

    @Test
    void archiveOfAMovedDirectoryIsIgnoredSilently() throws IOException {
        // the archive names the jars by their paths at build time; elsewhere the JVM rejects it (and would say so)
        Path copy = copyOfTarget("built-here");
        Path moved = work.resolve("moved");
        Peers.copyTree(copy, moved, StandardCopyOption.COPY_ATTRIBUTES);
        assertIgnoredSilently(moved, false);
    }

    /**
     * Runs the invocations in {@code dir} with and without the archive and asserts the same output; then with
     * {@code -Xshare:on}, which exits with an error only if the JVM was given an archive it could not map:
     * {@code launcherDeclines} says whether the launcher itself must have kept the archive from the JVM.
     */
    private void assertIgnoredSilently(Path dir, boolean launcherDeclines) throws IOException {
        for (List<String> args : invocations()) {
            Result damaged = launch(dir, Map.of(), args);
            Result without = launch(dir, Map.of("FINDSCU_CDS", "off"), args);
            without.assertSameAs(damaged, args);
        }
        Path classLog = work.resolve("class-load-" + dir.getFileName() + ".log");
        Result strict = launch(dir, Map.of("FINDSCU_JAVA_OPTS", "-Xshare:on -Xlog:class+load:file=" + classLog),
                "--version");
        if (launcherDeclines) {
            assertEquals(0, strict.code, "the launcher passed the archive on: " + strict);
            assertFalse(Files.readString(classLog, StandardCharsets.UTF_8).contains("shared objects file (top)"),
                    "classes loaded from the archive");
        } else {
            assertNotEquals(0, strict.code, "the JVM mapped the damaged archive: " + strict);
        }
    }

    /** A copy of the script and of target/'s jars, with an archive built for the copy by the build's own builder. */
    private Path copyOfTarget(String name) throws IOException {
        Path dir = work.resolve(name);
        Path target = dir.resolve("target");
        Files.createDirectories(target.resolve("lib"));
        Files.copy(module.resolve("findscu"), dir.resolve("findscu"));
        for (Path jar : jars(module.resolve("target"))) {
            Path rel = module.resolve("target").relativize(jar);
            Files.copy(jar, target.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path training = Files.createDirectories(target.resolve("cds-training"));
        try (Stream<Path> s = Files.list(module.resolve("target").resolve("cds-training"))) {
            for (Path kit : s.toList()) {
                Files.copy(kit, training.resolve(kit.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path jar = mainJar(target);
        List<String> args = new ArrayList<>(List.of(target.resolve("findscu.jsa").toString(), jar.toString()));
        args.addAll(LAUNCHER_DEFAULTS);
        CdsArchiveBuilder.main(args.toArray(String[]::new));
        assertTrue(Files.isRegularFile(target.resolve("findscu.jsa")), "no archive built in " + dir);
        Result r = launch(dir, Map.of("FINDSCU_JAVA_OPTS", "-Xshare:on"), "--version");
        assertEquals(0, r.code, "the copy's own archive is not usable: " + r);
        return dir;
    }

    private List<List<String>> invocations() throws IOException {
        String host = scp.host();
        String port = Integer.toString(scp.port());
        String closed;
        try (ServerSocket s = new ServerSocket(0, 1, scp.address())) {
            closed = Integer.toString(s.getLocalPort());
        }
        return List.of(
                query(),
                List.of("-d", "-S", "-aec", AE_TITLE, "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName",
                        "-k", "StudyInstanceUID", "-Xx", "-od", out.toString(), host, port),
                List.of("--version"),
                List.of("-W", "-aec", AE_TITLE, host, closed),
                List.of("--no-such-option"));
    }

    private List<String> query() {
        return List.of("-v", "-W", "-aec", AE_TITLE, "-k", "PatientName=", "-k", "(0040,0100)[0].Modality",
                "-X", "-od", out.toString(), scp.host(), Integer.toString(scp.port()));
    }

    private Result launch(Path dir, Map<String, String> env, String... args) throws IOException {
        return launch(dir, env, List.of(args));
    }

    /** Runs {@code DIR/findscu ARGS} with bash, in a clean output directory. */
    private Result launch(Path dir, Map<String, String> env, List<String> args) throws IOException {
        if (Files.exists(out)) {
            Peers.deleteRecursively(out);
        }
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve("findscu").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("FINDSCU_"));
        pb.environment().putAll(env);
        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("findscu did not end within 60 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.sorted().toList()) {
                files.put(f.getFileName().toString(), canonical(f));
            }
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), files);
    }

    /**
     * A response file as text; {@code -X} files carry a new SOP Instance UID (of varying length) in their meta
     * information each run.
     */
    private static String canonical(Path f) throws IOException {
        if (!f.toString().endsWith(".dcm")) {
            return Files.readString(f, StandardCharsets.UTF_8);
        }
        Part10.File file = Part10.read(f, DecodeLimits.DEFAULT);
        Attributes meta = file.meta();
        assertTrue(meta.getString(Tag.MediaStorageSOPInstanceUID) != null, f + " has no SOP Instance UID");
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, "1");
        meta.remove(0x00020000);   // File Meta Information Group Length: follows the UID's length
        // the encodings, not toString(): that does not descend into sequences
        return file.transferSyntax() + "\n" + hex(DataSetWriter.toBytes(meta, file.transferSyntax(),
                EncodeOptions.DEFAULT)) + "\n" + hex(DataSetWriter.toBytes(file.dataSet(), file.transferSyntax(),
                EncodeOptions.DEFAULT));
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    private record Result(int code, String stdout, String stderr, Map<String, String> files) {
        void assertSameAs(Result other, List<String> args) {
            String what = "findscu " + String.join(" ", args);
            assertEquals(other.code, code, what + ": exit code");
            assertEquals(other.stdout, stdout, what + ": stdout");
            assertEquals(other.stderr, stderr, what + ": stderr");
            assertEquals(other.files, files, what + ": output files");
        }
    }

    private static List<Path> jars(Path target) throws IOException {
        List<Path> jars = new ArrayList<>(List.of(mainJar(target)));
        try (Stream<Path> s = Files.list(target.resolve("lib"))) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        assertTrue(jars.size() > 1, "no jars in " + target.resolve("lib"));
        return jars;
    }

    private static Path mainJar(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("dicomfind-findscu-") && n.endsWith(".jar") && !n.endsWith("-tests.jar")
                        && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar");
            }).findFirst().orElseThrow(() -> new AssertionError("no dicomfind-findscu jar in " + target));
        }
    }

    private static FileTime later(Path than) throws IOException {
        return FileTime.fromMillis(Files.getLastModifiedTime(than).toMillis() + 10_000);
    }

    /** Rewrites a file (the JVM leaves archives read-only), with a new modification time. */
    private static void replace(Path file, byte[] bytes) throws IOException {
        Files.delete(file);
        Files.write(file, bytes);
    }

    private static byte[] garbage(long size) {
        byte[] b = new byte[(int) size];
        new Random(17).nextBytes(b);
        return b;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int limit) {
        for (int i = 0; i + needle.length <= Math.min(limit, haystack.length); i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Attributes> worklist() {
        List<Attributes> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.PatientName, VR.PN, "Launcher^Patient" + i);
            a.setString(Tag.PatientID, VR.LO, "LPID" + i);
            a.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, VR.CS, "CT");
            items.add(a);
        }
        return items;
    }

    private static List<Attributes> studies() {
        List<Attributes> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.PatientName, VR.PN, "Launcher^Study" + i);
            a.setString(Tag.PatientID, VR.LO, "LSID" + i);
            a.setString(Tag.StudyInstanceUID, VR.UI, "2.25.1234567" + i);
            a.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.2234567" + i);
            a.setString(Tag.SOPInstanceUID, VR.UI, "2.25.3234567" + i);
            instances.add(a);
        }
        return instances;
    }
}
