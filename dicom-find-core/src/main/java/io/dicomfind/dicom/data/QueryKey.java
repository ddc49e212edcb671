package io.dicomfind.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One matching or return key in findscu's {@code -k} syntax (the path syntax of DCMTK's dcmodify):
 * {@code (gggg,eeee)=value}, legacy {@code gggg,eeee=value}, a dictionary keyword {@code PatientName=value}, or a path
 * through sequence items {@code (0040,0100)[0].Modality=CT}, nested to any depth. Without {@code =}, or with an empty
 * value, the key is a zero-length return key (PS3.4 C.2.2.2.3 universal matching); a sequence without a value asks for
 * all its items (PS3.4 C.2.2.2.6). An item index may be left out and means item 0.
 */
public final class QueryKey {
    /** One step of the path: a tag, and for every step but the last an item index. */
    private record Step(int tag, VR vr, int item) {
    }

    private final String text;
    private final List<Step> steps;
    private final String value;

    private QueryKey(String text, List<Step> steps, String value) {
        this.text = text;
        this.steps = steps;
        this.value = value;
    }

    public static QueryKey parse(String spec) {
        return parse(spec, ElementDictionary.standard());
    }

    /** Parses a key; throws {@link KeySyntaxException} saying which part is wrong and why. */
    public static QueryKey parse(String spec, ElementDictionary dictionary) {
        if (spec == null || spec.isBlank()) {
            throw new KeySyntaxException(spec, "empty key");
        }
        String path = spec;
        String value = null;
        int eq = findValueSeparator(spec);
        if (eq >= 0) {
            path = spec.substring(0, eq);
            value = spec.substring(eq + 1);
        }
        path = path.trim();
        if (path.isEmpty()) {
            throw new KeySyntaxException(spec, "no attribute before '='");
        }
        List<Step> steps = new ArrayList<>();
        int pos = 0;
        while (pos < path.length()) {
            int end = nextStepEnd(path, pos);
            String part = path.substring(pos, end);
            int item = -1;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                if (!part.endsWith("]")) {
                    throw new KeySyntaxException(spec, "'" + part + "' has an unclosed item index");
                }
                String idx = part.substring(bracket + 1, part.length() - 1).trim();
                if (idx.equals("*")) {
                    throw new KeySyntaxException(spec, "item wildcards [*] are not allowed in query keys");
                }
                try {
                    item = Integer.parseInt(idx);
                } catch (NumberFormatException e) {
                    throw new KeySyntaxException(spec, "item index '" + idx + "' is not a number");
                }
                if (item < 0 || item > 65535) {
                    throw new KeySyntaxException(spec, "item index " + item + " is out of range");
                }
                part = part.substring(0, bracket);
            }
            int tag = resolveTag(spec, part.trim(), dictionary);
            VR vr = dictionary.vrOf(tag);
            boolean last = end >= path.length();
            if (!last) {
                if (vr != VR.SQ && vr != VR.UN) {
                    throw new KeySyntaxException(spec, "'" + part + "' is not a sequence (VR " + vr
                            + "), so no attribute can follow it");
                }
                steps.add(new Step(tag, VR.SQ, Math.max(item, 0)));
                pos = end + 1;
            } else {
                if (item >= 0 && vr != VR.SQ) {
                    throw new KeySyntaxException(spec, "'" + part + "' is not a sequence, so it has no items");
                }
                steps.add(new Step(tag, item >= 0 ? VR.SQ : vr, item));
                pos = end;
            }
        }
        Step lastStep = steps.get(steps.size() - 1);
        if (lastStep.vr() == VR.SQ && value != null && !value.isEmpty()) {
            throw new KeySyntaxException(spec, "a sequence cannot be given a value; give keys inside its item, e.g. "
                    + Tag.toString(lastStep.tag()) + "[0].(gggg,eeee)=value");
        }
        return new QueryKey(spec, List.copyOf(steps), value == null || value.isEmpty() ? null : value);
    }

    /** The '=' that ends the path: the first one outside parentheses and brackets. */
    private static int findValueSeparator(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '=' && depth <= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Steps are separated by '.' outside parentheses. */
    private static int nextStepEnd(String path, int from) {
        int depth = 0;
        for (int i = from; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                return i;
            }
        }
        return path.length();
    }

    private static int resolveTag(String spec, String part, ElementDictionary dictionary) {
        if (part.isEmpty()) {
            throw new KeySyntaxException(spec, "empty attribute name in path");
        }
        long parsed = Tag.parse(part);
        if (parsed >= 0) {
            return (int) parsed;
        }
        if (part.startsWith("(") || part.matches("[0-9a-fA-F]{4},.*")) {
            throw new KeySyntaxException(spec, "'" + part + "' is not a tag; write (gggg,eeee) with hex digits");
        }
        int tag = dictionary.tagOf(part);
        if (tag == -1) {
            throw new KeySyntaxException(spec, "unknown attribute name '" + part
                    + "' (not in the data dictionary; use (gggg,eeee) or add a dictionary with DCMDICTPATH)");
        }
        return tag;
    }

    /** Sets this key in {@code ds}, creating items on the way and keeping whatever else the items hold. */
    public void applyTo(Attributes ds) {
        Attributes current = ds;
        for (int i = 0; i < steps.size() - 1; i++) {
            Step s = steps.get(i);
            Sequence seq = current.getSequence(s.tag());
            if (seq == null) {
                seq = current.newSequence(s.tag());
            }
            current = seq.itemOrCreate(s.item());
        }
        Step last = steps.get(steps.size() - 1);
        if (last.vr() == VR.SQ) {
            Sequence seq = current.getSequence(last.tag());
            if (seq == null) {
                seq = current.newSequence(last.tag());
            }
            if (last.item() >= 0) {
                seq.itemOrCreate(last.item());
            }
        } else {
            current.setString(last.tag(), last.vr(), value);
        }
    }

    /**
     * The data set or item of {@code ds} that holds the attribute at the end of this path, following the item
     * indexes on the way (item 0 where the path names none) without creating anything: null when a sequence or an
     * item on the way is missing. For reading a response by the same paths that build queries.
     */
    public Attributes itemIn(Attributes ds) {
        Attributes current = ds;
        for (int i = 0; i < steps.size() - 1 && current != null; i++) {
            Step s = steps.get(i);
            Sequence seq = current.getSequence(s.tag());
            int item = Math.max(0, s.item());
            current = seq == null || item >= seq.size() ? null : seq.get(item);
        }
        return current;
    }

    /** The value at this key's path in {@code ds} (item 0 where the path names none), or null if absent. */
    public String valueIn(Attributes ds) {
        Attributes item = itemIn(ds);
        return item == null ? null : item.getString(tag());
    }

    /** The VR of the attribute at the end of the path (SQ for a sequence or an item of one). */
    public VR vr() {
        return steps.get(steps.size() - 1).vr();
    }

    /** The tag at the end of the path. */
    public int tag() {
        return steps.get(steps.size() - 1).tag();
    }

    /** Depth of the path: 1 for a top-level attribute. */
    public int depth() {
        return steps.size();
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
