package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data sets of the files below a folder (recursively, in path order), re-read lazily on every query as
 * wlmscpfs does: files added or changed between queries are seen, and memory stays constant whatever the folder
 * holds.
 *
 * <p>Each file is read by the reader registered for its extension (case-insensitive), else by the default reader
 * ({@link DataSetFileReader#PART10} unless changed); {@code .json} files are read as DICOM JSON
 * ({@link DataSetFileReader#JSON}, one object or an array). Hidden files, wlmscpfs's {@code lockfile} and files whose
 * extension is mapped to {@link #IGNORE} are skipped. A file that cannot be read is logged (WARN, naming it) and
 * skipped, so one bad file does not hide the others. Immutable; {@code with...} return new instances.
 */
public final class DataSetFolder implements DataSetSource {
    private static final Logger LOG = LoggerFactory.getLogger(DataSetFolder.class);

    /** A reader that marks files to skip. */
    public static final DataSetFileReader IGNORE = file -> List.of();

    private final Path folder;
    private final Map<String, DataSetFileReader> readers;
    private final DataSetFileReader defaultReader;

    private DataSetFolder(Path folder, Map<String, DataSetFileReader> readers, DataSetFileReader defaultReader) {
        this.folder = folder;
        this.readers = readers;
        this.defaultReader = defaultReader;
    }

    /** The folder's files, read as Part-10 files. */
    public static DataSetFolder of(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Map<String, DataSetFileReader> readers = new LinkedHashMap<>();
        readers.put("txt", IGNORE);
        readers.put("md", IGNORE);
        readers.put("json", DataSetFileReader.JSON);
        return new DataSetFolder(folder, readers, DataSetFileReader.PART10);
    }

    /** Reads files ending in {@code .extension} (without dot, case-insensitive) with {@code reader}. */
    public DataSetFolder withReader(String extension, DataSetFileReader reader) {
        Map<String, DataSetFileReader> copy = new LinkedHashMap<>(readers);
        copy.put(extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""), Objects.requireNonNull(reader));
        return new DataSetFolder(folder, copy, defaultReader);
    }

    /** The reader for files whose extension has no reader of its own. */
    public DataSetFolder withDefaultReader(DataSetFileReader reader) {
        return new DataSetFolder(folder, readers, Objects.requireNonNull(reader));
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Stream<Attributes> open() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("data set folder " + folder + " does not exist or is not a directory");
        }
        Stream<Path> files = Files.walk(folder);
        return files.filter(Files::isRegularFile).filter(f -> !skipped(f)).sorted()
                .flatMap(f -> read(f).stream()).onClose(files::close);
    }

    private boolean skipped(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(".") || name.equals("lockfile");
    }

    private List<Attributes> read(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        DataSetFileReader reader = readers.getOrDefault(ext, defaultReader);
        try {
            return reader.read(file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("skipping {}: cannot read it as a data set: {}", file, e.getMessage());
            return List.of();
        }
    }

    @Override
    public String toString() {
        return "folder " + folder;
    }
}
