package io.dicomfind.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the class-data sharing archive the launcher script {@code examples/findscu/findscu} maps at start-up
 * (JDK 17 dynamic AppCDS: {@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}). Run by Maven in the
 * {@code package} phase, after the jar and {@code target/lib} exist.
 *
 * <p>Usage: {@code CdsArchiveBuilder ARCHIVE JAR [JVM-OPTION...]}: runs {@link CdsTraining} with the JAR's class
 * path (and the test kit jar the build copies to {@code cds-training/} beside JAR, for the training SCP) and the JVM options under {@code -XX:ArchiveClassesAtExit=ARCHIVE.tmp}, checks the result with
 * {@code -Xshare:on} (which fails unless the JVM maps it), then renames it to ARCHIVE and writes its size to
 * {@code ARCHIVE.size}. The launcher uses the archive only when that file matches: JDK 17 does not check that an
 * archive is complete and crashes (SIGBUS) on a truncated one, so a half-copied archive must never reach it.
 *
 * <p>The archive is an optimisation: any failure prints a warning, leaves no archive and exits 0, so that the build
 * goes on.
 */
public final class CdsArchiveBuilder {
    private static final long TIMEOUT_SECONDS = 120;

    private CdsArchiveBuilder() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            warn("usage: CdsArchiveBuilder ARCHIVE JAR [JVM-OPTION...]");
            return;
        }
        Path archive = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        List<String> jvmOptions = List.of(args).subList(2, args.length);
        Path tmp = sibling(archive, ".tmp");
        try {
            build(archive, tmp, jar, jvmOptions);
        } catch (IOException | RuntimeException e) {
            warn(e.getMessage() == null ? e.toString() : e.getMessage());
            deleteQuietly(tmp);
            deleteQuietly(archive);
            deleteQuietly(sibling(archive, ".size"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn("interrupted");
        }
    }

    private static void build(Path archive, Path tmp, Path jar, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path size = sibling(archive, ".size");
        // the old archive goes first: whatever happens below, no archive of an older jar stays behind
        Files.deleteIfExists(size);
        Files.deleteIfExists(archive);
        Files.deleteIfExists(tmp);
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no jar " + jar);
        }
        List<String> train = new ArrayList<>(jvmOptions);
        train.add("-XX:ArchiveClassesAtExit=" + tmp);
        train.add("-D" + CdsTraining.SCP_JAR_PROPERTY + "=" + trainingScpJar(jar));
        // -cp JAR: the same class path as the launcher's -jar JAR (the jar, then its manifest Class-Path)
        train.addAll(List.of("-cp", jar.toString(), CdsTraining.class.getName()));
        run("training", train);
        if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
            throw new IOException("the JVM wrote no archive " + tmp);
        }
        List<String> check = new ArrayList<>(jvmOptions);
        check.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + tmp, "-jar", jar.toString(), "--version"));
        run("check of the archive", check);
        long bytes = Files.size(tmp);
        newerThanInputs(tmp, jar);
        move(tmp, archive);
        Path sizeTmp = sibling(archive, ".size.tmp");
        Files.writeString(sizeTmp, bytes + "\n", StandardCharsets.US_ASCII);
        move(sizeTmp, size);
    }

    /** The dicom-find-testkit jar in {@code cds-training/} beside JAR (maven-dependency-plugin puts it there). */
    private static Path trainingScpJar(Path jar) throws IOException {
        Path dir = jar.resolveSibling("cds-training");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith("dicom-find-testkit-") && n.endsWith(".jar")) {
                        return p;
                    }
                }
            }
        }
        throw new IOException("no dicom-find-testkit jar in " + dir);
    }

    /** Runs {@code java ARGS}; throws with its output unless it exits 0 within the time limit. */
    private static void run(String what, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        File log = File.createTempFile("findscu-cds", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException(what + " did not end within " + TIMEOUT_SECONDS + " s: "
                        + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " failed (exit code " + p.exitValue() + "): " + String.join(" ", command)
                        + System.lineSeparator() + Files.readString(log.toPath(), StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    /**
     * The launcher maps the archive only if it is newer than the jar and every jar in lib/ (so a jar rebuilt without
     * its archive is never paired with an old one); on file systems with coarse timestamps a fast build can leave
     * them equal, so the archive is moved just past the newest of them.
     */
    private static void newerThanInputs(Path archive, Path jar) throws IOException {
        FileTime newest = Files.getLastModifiedTime(jar);
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (t.compareTo(newest) > 0) {
                        newest = t;
                    }
                }
            }
        }
        if (Files.getLastModifiedTime(archive).compareTo(newest) <= 0) {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(newest.toMillis() + 2000));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path sibling(Path archive, String suffix) {
        return archive.resolveSibling(archive.getFileName() + suffix);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the launcher ignores an archive without its .size file anyway
        }
    }

    private static void warn(String message) {
        System.out.println("[WARNING] findscu: no class-data sharing archive (start-up will be slower): " + message);
        System.out.flush();
    }
}
