package io.dicomfind.camel.change;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a snapshot remembers of one item: the hash of its content and the content itself, as attribute path to
 * decoded value ({@code PatientName}, {@code ScheduledProcedureStepSequence[0].Modality}), so that a later poll can
 * say which attributes changed.
 *
 * @param contentHash hex SHA-256 of {@code values} (independent of transfer syntax and character set)
 * @param values      attribute path to value, sorted by path; multiple values joined by backslash as in DICOM
 */
public record SnapshotItem(String contentHash, SortedMap<String, String> values) {
    public SnapshotItem {
        Objects.requireNonNull(contentHash, "contentHash");
        values = new TreeMap<>(values);
    }

    /** The values as an unmodifiable map. */
    public Map<String, String> valueMap() {
        return java.util.Collections.unmodifiableSortedMap(values);
    }
}
