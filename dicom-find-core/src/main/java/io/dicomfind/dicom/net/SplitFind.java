package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An exhaustive C-FIND past an SCP's result cap (issue 14 item 6): a query that ends with as many matches as
 * {@code cap}, with a Cancel we did not ask for (PS3.4 C.4.1.2: the SCP truncated it) or with A700 (out of
 * resources) is split on a date range key (PS3.4 C.2.2.2.5 range matching) into two halves, recursively, until each
 * sub-query stays below the cap; the matches stream as they arrive, each entity once (by the level's unique key).
 *
 * <p>Memory: sibling ranges are disjoint, so only the keys of the truncated queries on the current path of the split
 * tree are remembered (a capped query is cancelled at {@code cap} matches): at most {@code cap × (depth + 1)} keys, and
 * the depth is at most 17 for two centuries of days. Past {@link #MAX_DEPTH} (never reached with days) the run fails.
 *
 * <p>Limits: a single day still at the cap cannot be split further: its matches are delivered and the run is
 * reported incomplete ({@link #incompleteRanges()}). Entities without a value in the split key are matched only by
 * the first, unsplit query (a range does not match an empty value) and are lost once it is split; that is reported.
 */
public final class SplitFind {
    /** Split-tree depth bound: 2^40 days is far past any date range, so reaching it means a bug or a lying SCP. */
    public static final int MAX_DEPTH = 40;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private final Association association;
    private final String sopClassUid;
    private final int cap;
    private final QueryKey splitKey;
    private final List<Integer> uniqueKeys;
    private final LocalDate earliest;
    private final LocalDate today;
    private final List<String> incomplete = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int queries;
    private int maxKeysHeld;

    /**
     * @param splitKey the date key to split on, findscu {@code -k} path, e.g. {@code StudyDate} or
     *        {@code ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate}
     * @param uniqueKeys the top-level tags that identify an entity (e.g. Study Instance UID); added to the query as
     *        return keys if absent
     * @param earliest where an open or missing range starts; it ends {@code today}
     */
    public SplitFind(Association association, String sopClassUid, int cap, String splitKey, List<Integer> uniqueKeys,
            LocalDate earliest, LocalDate today) {
        if (cap < 1) {
            throw new IllegalArgumentException("result cap must be at least 1, not " + cap);
        }
        this.association = association;
        this.sopClassUid = sopClassUid;
        this.cap = cap;
        this.splitKey = QueryKey.parse(splitKey);
        this.uniqueKeys = List.copyOf(uniqueKeys);
        this.earliest = earliest;
        this.today = today;
    }

    /**
     * The unique key of a level (PS3.4 C.6.1.1.2 etc.): Patient ID, Study, Series or SOP Instance UID; for the
     * models without levels the SOP Instance UID, and for the worklist Accession Number with Requested Procedure ID.
     */
    public static List<Integer> uniqueKeysFor(FindInformationModel model, Attributes identifier) {
        if (model == FindInformationModel.MWL) {
            return List.of(Tag.AccessionNumber, 0x00401001 /* RequestedProcedureID */, Tag.StudyInstanceUID);
        }
        String level = identifier.getString(Tag.QueryRetrieveLevel);
        if (level == null) {
            return List.of(Tag.SOPInstanceUID);
        }
        return switch (level.strip()) {
            case "PATIENT" -> List.of(Tag.PatientID);
            case "SERIES" -> List.of(Tag.SeriesInstanceUID);
            case "IMAGE" -> List.of(Tag.SOPInstanceUID);
            default -> List.of(Tag.StudyInstanceUID);
        };
    }

    /** The default split key of a model: Scheduled Procedure Step Start Date for the worklist, else Study Date. */
    public static String defaultSplitKey(FindInformationModel model) {
        return model == FindInformationModel.MWL
                ? "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate" : "StudyDate";
    }

    private record Range(LocalDate from, LocalDate to, int depth) {
        String value() {
            return from.equals(to) ? DA.format(from) : DA.format(from) + "-" + DA.format(to);
        }
    }

    /** A step of the depth-first walk: a query to run, or the end of a truncated query's subtree. */
    private record Task(Range range, List<String> keysToForget) {
    }

    /**
     * Runs the query, handing each distinct match to {@code sink} as it arrives (Pending responses only).
     *
     * @return the number of distinct matches delivered
     */
    public long run(Attributes identifier, Consumer<FindResponse> sink) throws IOException {
        Attributes base = Attributes.copyOf(identifier);
        for (int tag : uniqueKeys) {
            if (!base.contains(tag)) {
                base.setNull(tag, io.dicomfind.dicom.data.ElementDictionary.standard().vrOf(tag));
            }
        }
        Set<String> seen = new HashSet<>();
        long delivered = 0;
        String given = splitKey.valueIn(base);
        Range whole = range(given);
        Deque<Task> tasks = new ArrayDeque<>();
        if (whole == null || given == null || given.isEmpty()) {
            // first as given: it also matches entities without a split-key value
            Outcome o = runOne(base, null, seen, sink);
            delivered += o.delivered;
            if (!o.capped) {
                return delivered;
            }
            if (whole == null) {
                incomplete.add(splitKey + "=" + given + " (not a date range to split)");
                return delivered;
            }
            warnings.add("split on " + splitKey + " " + whole.value() + ": entities without a " + splitKey
                    + " value are matched only by the unsplit query, which the SCP truncated");
            seen.addAll(o.keys);
            tasks.push(new Task(null, o.keys));
            pushHalves(tasks, whole);
        } else {
            tasks.push(new Task(whole, null));
        }
        while (!tasks.isEmpty()) {
            Task t = tasks.pop();
            if (t.range() == null) {
                seen.removeAll(t.keysToForget()); // its subtree is done: no later range can repeat these
                continue;
            }
            Outcome o = runOne(base, t.range(), seen, sink);
            delivered += o.delivered;
            if (!o.capped) {
                continue;
            }
            if (t.range().from().equals(t.range().to())) {
                incomplete.add(splitKey + "=" + t.range().value() + " (" + o.matches + " matches, a single day"
                        + " cannot be split)");
                continue;
            }
            if (t.range().depth() >= MAX_DEPTH) {
                throw new IllegalStateException("split of " + splitKey + " deeper than " + MAX_DEPTH + " levels");
            }
            seen.addAll(o.keys);
            maxKeysHeld = Math.max(maxKeysHeld, seen.size());
            tasks.push(new Task(null, o.keys));
            pushHalves(tasks, t.range());
        }
        return delivered;
    }

    private static void pushHalves(Deque<Task> tasks, Range r) {
        long days = ChronoUnit.DAYS.between(r.from(), r.to());
        LocalDate mid = r.from().plusDays(days / 2);
        tasks.push(new Task(new Range(mid.plusDays(1), r.to(), r.depth() + 1), null)); // later half after
        tasks.push(new Task(new Range(r.from(), mid, r.depth() + 1), null));
    }

    /** The range of a split-key value: "A-B", "A-", "-B", empty/absent (earliest to today); null for a single date. */
    private Range range(String value) {
        if (value == null || value.isBlank()) {
            return new Range(earliest, today, 0);
        }
        String v = value.strip();
        int dash = v.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            LocalDate from = dash == 0 ? earliest : LocalDate.parse(v.substring(0, dash), DA);
            LocalDate to = dash == v.length() - 1 ? today : LocalDate.parse(v.substring(dash + 1), DA);
            return from.isAfter(to) ? null : new Range(from, to, 0);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(splitKey + " value '" + v + "' is not a date range (YYYYMMDD-YYYYMMDD,"
                    + " PS3.4 C.2.2.2.5)");
        }
    }

    private static final class Outcome {
        boolean capped;
        int matches;
        long delivered;
        final List<String> keys = new ArrayList<>();
    }

    private Outcome runOne(Attributes base, Range range, Set<String> seen, Consumer<FindResponse> sink)
            throws IOException {
        Attributes q = Attributes.copyOf(base);
        if (range != null) {
            QueryKey.parse(splitKey + "=" + range.value()).applyTo(q);
        }
        queries++;
        Outcome o = new Outcome();
        FindQuery find = association.find(sopClassUid, q);
        FindResponse r;
        int[] tags = uniqueKeys.stream().mapToInt(Integer::intValue).toArray();
        while ((r = find.nextResponse()) != null) {
            if (r.isPending()) {
                o.matches++;
                if (!r.hasIdentifier()) {
                    continue;
                }
                String key = keyOf(r.identifierElements(tags), tags);
                o.keys.add(key);
                if (!seen.contains(key)) { // 'seen' holds the keys of the truncated ancestors only (see run)
                    o.delivered++;
                    sink.accept(r);
                }
                if (o.matches >= cap && !find.isCancelRequested()) {
                    find.cancel(); // it will be split anyway: PS3.7 9.3.2.3
                    o.capped = true;
                }
            } else {
                DimseStatus s = r.status();
                if (r.isTruncatedByScp() || s.code() == 0xA700) {
                    o.capped = true; // PS3.4 C.4.1.2 unsolicited Cancel; A700 Refused: Out of Resources
                } else if (s.isFailure()) {
                    throw new DicomNetworkException("C-FIND " + splitKey + "=" + (range == null ? "(as given)"
                            : range.value()) + " on " + association.peer() + " failed: " + s);
                }
            }
        }
        if (!o.capped && o.matches >= cap) {
            o.capped = true;
        }
        return o;
    }

    private static String keyOf(Attributes elements, int[] tags) {
        StringBuilder sb = new StringBuilder();
        for (int tag : tags) {
            String v = elements == null ? null : elements.getString(tag);
            sb.append(v == null ? "" : v.strip()).append('\u0000');
        }
        return sb.toString();
    }

    /** C-FINDs sent so far. */
    public int queries() {
        return queries;
    }

    /** The most entity keys held at once (the bound of the class comment). */
    public int maxKeysHeld() {
        return maxKeysHeld;
    }

    /** Ranges still at the cap that could not be split: the union is incomplete if any. */
    public List<String> incompleteRanges() {
        return List.copyOf(incomplete);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
