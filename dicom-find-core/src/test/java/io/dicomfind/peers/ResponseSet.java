package io.dicomfind.peers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identifiers of all pending C-FIND responses of one query, as an order-insensitive multiset of
 * {@link CanonicalDataSet}s (PS3.4 C.4.1.3: the order of responses is not defined). Two response sets are equal when
 * they hold the same data sets the same number of times; {@link #diff(ResponseSet)} explains any difference.
 */
public final class ResponseSet {

    private final List<CanonicalDataSet> dataSets;

    public ResponseSet(List<CanonicalDataSet> dataSets) {
        List<CanonicalDataSet> sorted = new ArrayList<>(dataSets);
        sorted.sort(null);
        this.dataSets = List.copyOf(sorted);
    }

    /** The data sets, sorted canonically (not in arrival order). */
    public List<CanonicalDataSet> dataSets() {
        return dataSets;
    }

    public int size() {
        return dataSets.size();
    }

    /** Every value of the element at {@code path} over all data sets (absent elements are skipped), sorted. */
    public List<String> values(String path) {
        List<String> values = new ArrayList<>();
        for (CanonicalDataSet ds : dataSets) {
            ds.value(path).ifPresent(values::add);
        }
        values.sort(null);
        return values;
    }

    /** The distinct values of the element at {@code path}. */
    public Set<String> distinctValues(String path) {
        return new TreeSet<>(values(path));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseSet other && dataSets.equals(other.dataSets);
    }

    @Override
    public int hashCode() {
        return dataSets.hashCode();
    }

    /**
     * A readable explanation of how {@code actual} differs from this (expected) set, or an empty string when equal.
     * Unmatched data sets are paired by most shared lines and shown line by line ({@code -} expected only,
     * {@code +} actual only).
     */
    public String diff(ResponseSet actual) {
        if (equals(actual)) {
            return "";
        }
        List<CanonicalDataSet> missing = new ArrayList<>(dataSets);
        List<CanonicalDataSet> extra = new ArrayList<>();
        for (CanonicalDataSet ds : actual.dataSets) {
            if (!missing.remove(ds)) {
                extra.add(ds);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("expected ").append(size()).append(" responses, got ").append(actual.size()).append("; ")
                .append(missing.size()).append(" expected not found, ").append(extra.size())
                .append(" unexpected\n");
        int shown = 0;
        while (!missing.isEmpty() && !extra.isEmpty() && shown < 10) {
            CanonicalDataSet m = missing.remove(0);
            CanonicalDataSet best = extra.get(0);
            int bestScore = -1;
            for (CanonicalDataSet e : extra) {
                Set<String> common = new HashSet<>(m.lines());
                common.retainAll(e.lines());
                if (common.size() > bestScore) {
                    bestScore = common.size();
                    best = e;
                }
            }
            extra.remove(best);
            sb.append("--- response differs").append(source(m, best)).append(":\n");
            lineDiff(m.lines(), best.lines(), sb);
            shown++;
        }
        for (CanonicalDataSet m : missing.subList(0, Math.min(missing.size(), 5))) {
            sb.append("--- missing response").append(m.source() == null ? "" : " (" + m.source() + ")")
                    .append(":\n").append(indent(m.toString())).append('\n');
        }
        for (CanonicalDataSet e : extra.subList(0, Math.min(extra.size(), 5))) {
            sb.append("--- unexpected response").append(e.source() == null ? "" : " (" + e.source() + ")")
                    .append(":\n").append(indent(e.toString())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Asserts that {@code actual} equals this (expected) set.
     *
     * @throws AssertionError with {@code context} and {@link #diff(ResponseSet)} when they differ
     */
    public void assertSameAs(ResponseSet actual, String context) {
        String diff = diff(actual);
        if (!diff.isEmpty()) {
            throw new AssertionError(context + ": response sets differ: " + diff);
        }
    }

    private static String source(CanonicalDataSet expected, CanonicalDataSet actual) {
        if (expected.source() == null && actual.source() == null) {
            return "";
        }
        return " (expected " + expected.source() + ", actual " + actual.source() + ")";
    }

    private static void lineDiff(List<String> expected, List<String> actual, StringBuilder sb) {
        List<String> onlyActual = new ArrayList<>(actual);
        for (String line : expected) {
            if (!onlyActual.remove(line)) {
                sb.append("  - ").append(line).append('\n');
            }
        }
        for (String line : onlyActual) {
            sb.append("  + ").append(line).append('\n');
        }
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(size() + " responses");
        for (CanonicalDataSet ds : dataSets) {
            sb.append("\n---\n").append(ds);
        }
        return sb.toString();
    }
}
