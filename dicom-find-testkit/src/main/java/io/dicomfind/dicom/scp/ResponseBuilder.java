package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.SpecificCharacterSet;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;

/**
 * Builds the Identifier of a Pending C-FIND-RSP from the query's keys and a matching stored data set (PS3.4
 * C.4.1.1.3.2, K.4.1.1.3.2): exactly the requested keys, with the stored values (empty when the data set lacks
 * them), nested sequence keys projected item by item (only stored items matching the key item, C.2.2.2.6; all items
 * in full when the key sequence has no item or an empty one), plus (0008,0005) when the values need it.
 */
final class ResponseBuilder {
    private final KeyMatcher matcher;
    private final ResponseCharacterSet charsetPolicy;

    ResponseBuilder(KeyMatcher matcher, ResponseCharacterSet charsetPolicy) {
        this.matcher = matcher;
        this.charsetPolicy = charsetPolicy;
    }

    Attributes build(Attributes keys, Attributes record) {
        Attributes rsp = new Attributes();
        // the stored values are copied as they are (raw bytes): they need the stored character set
        int cs = record.indexOf(Tag.SpecificCharacterSet);
        if (cs >= 0 && record.valueAt(cs) != null) {
            rsp.set(Tag.SpecificCharacterSet, VR.CS, record.valueAt(cs));
        }
        project(keys, record, rsp);
        if (charsetPolicy == ResponseCharacterSet.QUERY && rsp.contains(Tag.SpecificCharacterSet)) {
            // stored without (0008,0005): default repertoire, nothing to convert (dcmqrscp adds none either)
            String[] queryTerms = keys.getStrings(Tag.SpecificCharacterSet);
            if (queryTerms != null) {
                Attributes converted = convert(rsp, keys.value(Tag.SpecificCharacterSet),
                        SpecificCharacterSet.valueOf(queryTerms));
                if (converted != null) {
                    return converted;
                }
            } else if (!keys.contains(Tag.SpecificCharacterSet) && allAscii(rsp)) {
                // nothing in the answer needs it and nobody asked for it (dcmqrscp leaves it out too)
                rsp.remove(Tag.SpecificCharacterSet);
            }
        }
        return rsp;
    }

    /** True if no value subject to Specific Character Set holds a byte or character beyond ASCII. */
    static boolean allAscii(Attributes ds) {
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                for (Attributes item : seq) {
                    if (!allAscii(item)) {
                        return false;
                    }
                }
            } else if (v instanceof byte[] b && ds.vrAt(i).usesSpecificCharacterSet()) {
                if (!SpecificCharacterSet.isAscii(b)) {
                    return false;
                }
            } else if (v instanceof String s && ds.vrAt(i).usesSpecificCharacterSet()) {
                if (SpecificCharacterSet.containsNonAscii(s)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void project(Attributes keys, Attributes record, Attributes out) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            int group = Tag.group(tag);
            if (group == 0x0000 || group == 0x0002 || Tag.isGroupLength(tag) || tag == Tag.SpecificCharacterSet) {
                continue;
            }
            Object key = keys.valueAt(i);
            if (keys.vrAt(i) == VR.SQ || key instanceof Sequence) {
                projectSequence(tag, key instanceof Sequence s ? s : null, record.getSequence(tag), out);
                continue;
            }
            int r = record.indexOf(tag);
            if (r >= 0 && !(record.valueAt(r) instanceof Sequence)) {
                out.set(tag, record.vrAt(r), record.valueAt(r));
            } else {
                out.set(tag, keys.vrAt(i), null);
            }
        }
    }

    private void projectSequence(int tag, Sequence key, Sequence stored, Attributes out) {
        Sequence seq = out.newSequence(tag);
        if (stored == null) {
            return; // a zero-length sequence: the data set has none
        }
        boolean whole = key == null || key.isEmpty() || key.get(0).isEmpty();
        for (Attributes item : stored) {
            if (whole) {
                seq.addItem().addAll(item);
            } else if (matcher.matches(key.get(0), item)) {
                project(key.get(0), item, seq.addItem());
            }
        }
    }

    /** A copy with every text value decoded and held as text, to be encoded in {@code target}; null if impossible. */
    private static Attributes convert(Attributes rsp, Object targetValue, SpecificCharacterSet target) {
        if (!target.isKnown()) {
            return null;
        }
        Attributes out = new Attributes();
        out.set(Tag.SpecificCharacterSet, VR.CS, targetValue);
        return copyConverted(rsp, out, target) ? out : null;
    }

    private static boolean copyConverted(Attributes from, Attributes to, SpecificCharacterSet target) {
        for (int i = 0; i < from.size(); i++) {
            int tag = from.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            VR vr = from.vrAt(i);
            Object v = from.valueAt(i);
            if (v instanceof Sequence seq) {
                Sequence copy = to.newSequence(tag);
                for (Attributes item : seq) {
                    if (!copyConverted(item, copy.addItem(), target)) {
                        return false;
                    }
                }
            } else if (v != null && vr.usesSpecificCharacterSet()) {
                String text = from.valueAsString(i);
                if (!target.canEncode(text, vr)) {
                    return false;
                }
                to.set(tag, vr, text);
            } else {
                to.set(tag, vr, v);
            }
        }
        return true;
    }
}
