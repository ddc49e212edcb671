package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.KeySyntaxException;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.dicom.io.NativeXmlReader;
import io.dicomfind.dicom.io.Part10;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns a message body into a query identifier: {@link Attributes}; a {@code Map} with keyword or tag keys (or
 * findscu key paths), nested Maps and Lists of Maps for sequences; a Part-10 file or bare data set as
 * {@code byte[]}, {@link File}, {@link Path} or {@link InputStream}; a DICOM JSON or Native XML String; or nothing.
 */
final class QueryBodyReader {
    private final DecodeLimits limits;

    QueryBodyReader(DecodeLimits limits) {
        this.limits = limits;
    }

    /**
     * @return the identifier the body holds, empty for no body
     * @throws IllegalArgumentException a body of another type, or a Map key that names no attribute
     * @throws IOException              a Part-10 body that cannot be decoded
     */
    Attributes read(Object body) throws IOException {
        if (body == null) {
            return new Attributes();
        }
        if (body instanceof Attributes a) {
            return Attributes.copyOf(a);
        }
        if (body instanceof Map<?, ?> m) {
            Attributes ds = new Attributes();
            fromMap(m, ds, "body");
            return ds;
        }
        if (body instanceof byte[] b) {
            return b.length == 0 ? new Attributes() : Part10.read(new ByteArrayInputStream(b), limits).dataSet();
        }
        if (body instanceof File f) {
            return Part10.read(f.toPath(), limits).dataSet();
        }
        if (body instanceof Path p) {
            return Part10.read(p, limits).dataSet();
        }
        if (body instanceof InputStream in) {
            return Part10.read(in, limits).dataSet();
        }
        if (body instanceof String s) {
            return fromText(s);
        }
        throw new IllegalArgumentException("cannot make a C-FIND identifier from a body of type "
                + body.getClass().getName() + "; use Attributes, a Map, DICOM JSON or XML text, or a Part-10 file");
    }

    private Attributes fromText(String s) throws IOException {
        String t = s.strip();
        if (t.isEmpty()) {
            return new Attributes();
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            // DICOM JSON (PS3.18 F.2): one object, or an array holding exactly one (F.2.1 allows arrays)
            List<Attributes> all = new JsonReader(limits).readDataSets(t);
            if (all.size() != 1) {
                throw new IllegalArgumentException("a DICOM JSON query body must hold one data set, not "
                        + all.size());
            }
            return all.get(0);
        }
        if (t.startsWith("<")) {
            return new NativeXmlReader(limits, ElementDictionary.standard()).read(t); // PS3.19 A.1
        }
        throw new IllegalArgumentException("a String body must be DICOM JSON or Native DICOM XML; got text starting '"
                + (t.length() > 20 ? t.substring(0, 20) + "..." : t) + "'");
    }

    /**
     * Keys are keywords, tags ((gggg,eeee), gggg,eeee, ggggeeee) or findscu paths; values are formatted for the key's
     * VR by {@link QueryValueFormat} (a Map is a sequence item, a List of Maps a sequence).
     */
    static void fromMap(Map<?, ?> map, Attributes target, String where) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey()).trim();
            Object v = e.getValue() instanceof Object[] arr ? Arrays.asList(arr) : e.getValue();
            if (v instanceof Map<?, ?> item) {
                Sequence seq = target.newSequence(sequenceTag(key, where));
                fromMap(item, seq.addItem(), where + "." + key);
            } else if (v instanceof Attributes item) {
                target.newSequence(sequenceTag(key, where)).addItem().addAll(item);
            } else if (v instanceof byte[] bytes) {
                int tag = tagOf(key, where); // OB, OW, UN ... as DicomMaps gives them
                VR vr = ElementDictionary.standard().vrOf(tag);
                target.set(tag, vr != null && vr.isBinary() ? vr : VR.UN, bytes);
            } else if (isSequence(key, v, where)) {
                fromItems(key, (Collection<?>) v, target, where);
            } else {
                applyValue(key, v, target, where);
            }
        }
    }

    /** A Collection is a sequence when the key is one, or when it holds Maps (for keys the dictionary lacks). */
    private static boolean isSequence(String key, Object v, String where) {
        return v instanceof Collection<?> c && (ElementDictionary.standard().vrOf(tagOf(key, where)) == VR.SQ
                || c.stream().anyMatch(o -> o instanceof Map<?, ?> || o instanceof Attributes));
    }

    private static void fromItems(String key, Collection<?> c, Attributes target, String where) {
        Sequence seq = target.newSequence(tagOf(key, where));
        int k = 0;
        for (Object o : c) {
            if (o instanceof Map<?, ?> m) {
                fromMap(m, seq.addItem(), where + "." + key + "[" + k + "]");
            } else if (o instanceof Attributes a) {
                seq.addItem().addAll(a);
            } else {
                throw new IllegalArgumentException(where + "." + key + "[" + k + "]: a sequence item must be a"
                        + " Map, not " + (o == null ? "null" : o.getClass().getName()));
            }
            k++;
        }
    }

    private static int sequenceTag(String key, String where) {
        int tag = tagOf(key, where);
        VR vr = ElementDictionary.standard().vrOf(tag);
        if (vr != VR.SQ && vr != VR.UN) {
            throw new IllegalArgumentException(where + "." + key + ": a nested Map makes a sequence, but " + key
                    + " has VR " + vr);
        }
        return tag;
    }

    private static int tagOf(String key, String where) {
        try {
            QueryKey k = QueryKey.parse(key);
            if (k.depth() != 1) {
                throw new IllegalArgumentException(where + "." + key + ": a path cannot hold a Map or a List; give"
                        + " the sequence as the key and its items as Maps");
            }
            return k.tag();
        } catch (KeySyntaxException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Sets {@code key} (a keyword, tag or findscu path) to a Java value formatted for its VR; null is universal
     * matching.
     *
     * @throws DicomFindQueryValueException a value the key's VR cannot take
     */
    static void applyValue(String key, Object value, Attributes target, String where) {
        QueryKey path;
        try {
            path = QueryKey.parse(key);
        } catch (KeySyntaxException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
        VR vr = ElementDictionary.standard().vrOf(path.tag());
        String text = QueryValueFormat.format(where + "." + key, vr, value);
        applyKey(key, text, target, where);
    }

    /** Sets a findscu {@code -k} key: {@code key} alone ("PatientName=DOE"), or a path and its text value. */
    static void applyKey(String key, String value, Attributes target, String where) {
        try {
            QueryKey.parse(value == null ? key : key + "=" + value).applyTo(target);
        } catch (KeySyntaxException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
    }
}
