package io.dicomfind.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One data set (a C-FIND response identifier) in a canonical, order-insensitive text form produced from dcmdump's
 * output by {@link DcmDumpCanonicalizer}: a sorted multiset of lines such as
 *
 * <pre>
 * (0008,0005) CS [ISO_IR 100]
 * (0010,0010) PN [Müller^Jürgen]
 * (0040,0100) SQ
 * (0040,0100)[0]
 * (0040,0100)[0].(0008,0060) CS [CT]
 * </pre>
 *
 * Values are decoded to Java strings using the data set's own (0008,0005), each value of a multi-valued element is
 * trimmed of padding (leading and trailing spaces, trailing NULs; only trailing for LT, ST, UT), empty elements print
 * as {@code []}, sequences are flattened with item paths and each item gets its own line, so empty sequences and empty
 * items are distinguishable. File meta information (group 0002), group lengths (gggg,0000) and trailing padding
 * (fffc,fffc) are left out: they depend on the writer, not on the peer's answer. (0008,0005) stays as the peer sent it.
 *
 * <p>Equality is by lines only; {@link #source()} is informational.
 */
public final class CanonicalDataSet implements Comparable<CanonicalDataSet> {

    private final List<String> lines;
    private final Path source;

    public CanonicalDataSet(List<String> lines, Path source) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        this.lines = List.copyOf(sorted);
        this.source = source;
    }

    public List<String> lines() {
        return lines;
    }

    /** The file this was computed from, or null. */
    public Path source() {
        return source;
    }

    /**
     * The value of an element by its path as printed in the lines, e.g. {@code (0010,0010)} or
     * {@code (0040,0100)[0].(0040,0001)}; empty when absent, {@code ""} when present with no value.
     */
    public Optional<String> value(String path) {
        String prefix = path + " ";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                int open = line.indexOf('[', prefix.length());
                if (open < 0) {
                    return Optional.of(line.substring(prefix.length() + 3).trim());
                }
                return Optional.of(line.substring(open + 1, line.length() - 1));
            }
        }
        return Optional.empty();
    }

    public boolean contains(String path) {
        return value(path).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalDataSet other && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public int compareTo(CanonicalDataSet o) {
        return String.join("\n", lines).compareTo(String.join("\n", o.lines));
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
