package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key that identifies one item across polls, read from its {@link ItemContent} values. Configured with
 * {@code changeKey} (attribute paths, comma-separated, in the syntax of the key options), or by default:
 * <ul>
 * <li>worklist: Study Instance UID (0020,000D) + Scheduled Procedure Step ID (0040,0009) in the first Scheduled
 * Procedure Step item: together they name one step (PS3.4 K.6.1.2.2, PS3.3 C.4.10); where the SCP returns no SPS ID,
 * Accession Number (0008,0050) + Requested Procedure ID (0040,1001);</li>
 * <li>Q/R: the unique key of the level (PS3.4 C.3): Patient ID, Study, Series or SOP Instance UID.</li>
 * </ul>
 * When no candidate has all its values, the content hash is the key: such an item cannot be CHANGED, a change shows
 * as REMOVED plus NEW.
 */
final class ItemKey {
    static final String HASH_PREFIX = "sha256:";
    private static final String SPS = "ScheduledProcedureStepSequence[0].";

    private static final List<List<String>> WORKLIST = List.of(
            List.of("StudyInstanceUID", SPS + "ScheduledProcedureStepID"),
            List.of("AccessionNumber", "RequestedProcedureID"));

    private final List<List<String>> candidates;

    private ItemKey(List<List<String>> candidates) {
        this.candidates = candidates;
    }

    /** From the changeKey option, or the default of the model when it is null or blank. */
    static ItemKey of(String changeKey, boolean worklist) {
        if (changeKey != null && !changeKey.isBlank()) {
            List<String> paths = new ArrayList<>();
            for (String p : changeKey.split(",(?![^(]*\\))")) { // commas outside (gggg,eeee)
                if (!p.isBlank()) {
                    paths.add(normalize(p.trim()));
                }
            }
            return new ItemKey(List.of(List.copyOf(paths)));
        }
        return new ItemKey(worklist ? WORKLIST : null);
    }

    /**
     * Adds the key attributes the query does not ask for as return keys (PS3.4 C.2.2.2.3), leaving the query's own
     * keys as they are: an SCP returns only what was asked, and without them every item would be keyed by its hash.
     * Q/R levels need nothing: PS3.4 C.4.1.1.3.2 makes the SCP return the unique key of the level anyway.
     */
    void addReturnKeys(Attributes identifier) {
        if (candidates == null) {
            return;
        }
        Attributes wanted = new Attributes();
        for (List<String> paths : candidates) {
            for (String p : paths) {
                QueryKey.parse(p).applyTo(wanted);
            }
        }
        addAbsent(identifier, wanted);
    }

    private static void addAbsent(Attributes base, Attributes extra) {
        for (int i = 0; i < extra.size(); i++) {
            int tag = extra.tagAt(i);
            if (extra.valueAt(i) instanceof Sequence seq) {
                Sequence target = base.getSequence(tag);
                if (target == null) {
                    if (base.contains(tag)) {
                        continue; // the query has it, not as a sequence: leave it alone
                    }
                    target = base.newSequence(tag);
                }
                for (int k = 0; k < seq.size(); k++) {
                    addAbsent(target.itemOrCreate(k), seq.get(k));
                }
            } else if (!base.contains(tag)) {
                base.set(tag, extra.vrAt(i), extra.valueAt(i));
            }
        }
    }

    String keyOf(Map<String, String> values, String contentHash) {
        for (List<String> paths : candidates != null ? candidates : queryRetrieve(values)) {
            String key = join(paths, values);
            if (key != null) {
                return key;
            }
        }
        return HASH_PREFIX + contentHash;
    }

    private static List<List<String>> queryRetrieve(Map<String, String> values) {
        String level = values.getOrDefault("QueryRetrieveLevel", "");
        return switch (level.trim()) {
            case "PATIENT" -> List.of(List.of("PatientID"));
            case "STUDY" -> List.of(List.of("StudyInstanceUID"));
            case "SERIES" -> List.of(List.of("SeriesInstanceUID"));
            case "IMAGE" -> List.of(List.of("SOPInstanceUID"));
            default -> List.of();
        };
    }

    /** The values joined by '|', or null when one is missing or empty. */
    private static String join(List<String> paths, Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (String p : paths) {
            String v = values.get(p);
            if (v == null || v.isEmpty()) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /**
     * {@code (0040,0100).ScheduledProcedureStepID} or {@code ScheduledProcedureStepSequence[0].(0040,0009)} to the
     * path form of {@link ItemContent}: keywords where the dictionary has one, item indices everywhere but the end.
     */
    static String normalize(String path) {
        ElementDictionary dict = ElementDictionary.standard();
        String[] steps = path.split("\\.(?![^(]*\\))");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i].trim();
            String index = i < steps.length - 1 ? "[0]" : "";
            int bracket = step.indexOf('[');
            if (bracket >= 0) {
                index = step.substring(bracket).replace(" ", "");
                step = step.substring(0, bracket).trim();
            }
            long parsed = Tag.parse(step);
            int tag = parsed >= 0 ? (int) parsed : dict.tagOf(step);
            if (tag == -1) {
                throw new IllegalArgumentException("dicomfind: changeKey '" + path + "': unknown attribute '" + step
                        + "' (write a keyword such as StudyInstanceUID or a tag (gggg,eeee))");
            }
            String keyword = Tag.isPrivate(tag) ? null : dict.keywordOf(tag);
            sb.append(i > 0 ? "." : "").append(keyword != null && !keyword.isEmpty() ? keyword : Tag.toString(tag))
                    .append(index);
        }
        return sb.toString();
    }
}
