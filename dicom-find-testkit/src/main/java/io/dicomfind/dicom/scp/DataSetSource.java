package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The stored data sets the SCP searches: opened once per C-FIND, consumed lazily while responses are sent, and
 * closed when the query ends (completed, cancelled, failed or aborted). Nothing is collected in between, so a source
 * that generates its data sets (e.g. {@code IntStream.range(0, 1_000_000).mapToObj(...)}) is served in constant
 * memory.
 *
 * <p>For Query/Retrieve models each data set is one composite instance with the attributes of every level (a
 * Part-10 file as a PACS stores it); for the worklist each data set is one worklist item.
 */
@FunctionalInterface
public interface DataSetSource {

    /** A new stream of the data sets for one query; the SCP closes it when the query ends. */
    Stream<Attributes> open() throws IOException;

    /**
     * Data sets given in code. The list is read on every query (changes are seen by later queries); the data sets are
     * never modified by the SCP.
     */
    static DataSetSource of(List<Attributes> dataSets) {
        Objects.requireNonNull(dataSets, "dataSets");
        return () -> List.copyOf(dataSets).stream();
    }

    /** Data sets from an Iterable (iterated anew for every query). */
    static DataSetSource of(Iterable<Attributes> dataSets) {
        Objects.requireNonNull(dataSets, "dataSets");
        return () -> StreamSupport.stream(dataSets.spliterator(), false);
    }

    /** A stream supplier, e.g. {@code () -> IntStream.range(0, n).mapToObj(Generator::item)}. */
    static DataSetSource ofStream(Supplier<Stream<Attributes>> streams) {
        Objects.requireNonNull(streams, "streams");
        return streams::get;
    }

    /** The files of a folder, read as Part-10 files (see {@link DataSetFolder} for other formats). */
    static DataSetSource folder(Path folder) {
        return DataSetFolder.of(folder);
    }
}
