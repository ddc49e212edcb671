package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.BinaryValues;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Native DICOM Model document (PS3.19 A.1) into {@link Attributes}, with the JDK's StAX parser.
 *
 * <p>Safe with untrusted input: DTDs are refused ({@code <!DOCTYPE>} fails), external entities are not resolved
 * (no XXE), sequence nesting is bounded by {@link DecodeLimits#maxDepth()} and text by
 * {@link DecodeLimits#maxElementLength()}. {@code BulkData} is refused: this reader cannot fetch it. Errors are
 * {@link DicomEncodingException}s naming line, column and tag. A missing {@code vr} is taken from the dictionary;
 * {@code keyword} and {@code privateCreator} are not checked.
 */
public final class NativeXmlReader {
    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final DecodeLimits limits;
    private final ElementDictionary dictionary;

    public NativeXmlReader() {
        this(DecodeLimits.DEFAULT, ElementDictionary.standard());
    }

    public NativeXmlReader(DecodeLimits limits, ElementDictionary dictionary) {
        this.limits = limits;
        this.dictionary = dictionary;
    }

    public Attributes read(String xml) throws IOException {
        return read(new StringReader(xml));
    }

    public Attributes read(Reader in) throws IOException {
        try {
            return parse(factory().createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    /** Reads from bytes; the encoding comes from the XML declaration (UTF-8 if none). */
    public Attributes read(InputStream in) throws IOException {
        try {
            return parse(factory().createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP 1.5 property; DTDs are refused below anyway
        }
        return f;
    }

    private static DicomEncodingException wrap(XMLStreamException e) {
        Location l = e.getLocation();
        String msg = e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message proper.
        int m = msg == null ? -1 : msg.indexOf("Message: ");
        String text = m >= 0 ? msg.substring(m + 9) : msg;
        return l == null ? new DicomEncodingException("Native DICOM XML: " + text, e)
                : new DicomEncodingException("Native DICOM XML line " + l.getLineNumber() + ", column "
                        + l.getColumnNumber() + ": " + text, e);
    }

    private final class Parse {
        private final XMLStreamReader r;

        Parse(XMLStreamReader r) {
            this.r = r;
        }

        DicomEncodingException error(String message) {
            Location l = r.getLocation();
            return new DicomEncodingException("Native DICOM XML line " + l.getLineNumber() + ", column "
                    + l.getColumnNumber() + ": " + message);
        }

        /** Next start or end tag; text other than whitespace between elements is an error. */
        int nextTag() throws XMLStreamException, DicomEncodingException {
            while (true) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT,
                            XMLStreamConstants.END_DOCUMENT -> {
                        return ev;
                    }
                    case XMLStreamConstants.DTD -> throw error("DOCTYPE is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw error("entity &" + r.getLocalName()
                            + "; is not allowed");
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!r.isWhiteSpace()) {
                            throw error("unexpected text '" + r.getText().trim() + "'");
                        }
                    }
                    default -> { }
                }
            }
        }

        String text() throws XMLStreamException, DicomEncodingException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        sb.append(r.getText());
                        if (sb.length() > limits.maxElementLength()) {
                            throw error("text longer than " + limits.maxElementLength() + " characters");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return sb.toString();
                    }
                    case XMLStreamConstants.START_ELEMENT -> throw error("unexpected <" + r.getLocalName()
                            + "> inside text");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw error("entity &" + r.getLocalName()
                            + "; is not allowed");
                    default -> { }
                }
            }
        }

        void dataSet(Attributes ds, int depth, String endName) throws XMLStreamException, DicomEncodingException {
            if (depth > limits.maxDepth()) {
                throw error("sequences nested deeper than " + limits.maxDepth() + " levels");
            }
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!"DicomAttribute".equals(r.getLocalName())) {
                    throw error("unexpected <" + r.getLocalName() + "> in <" + endName + ">, expected <DicomAttribute>");
                }
                attribute(ds, depth);
            }
        }

        void attribute(Attributes ds, int depth) throws XMLStreamException, DicomEncodingException {
            String tagText = r.getAttributeValue(null, "tag");
            if (tagText == null) {
                throw error("<DicomAttribute> without tag");
            }
            long parsed = tagText.length() == 8 ? Tag.parse(tagText) : -1;
            if (parsed < 0) {
                throw error("tag=\"" + tagText + "\" is not 8 hexadecimal digits");
            }
            int tag = (int) parsed;
            String t = Tag.toString(tag);
            if (ds.contains(tag)) {
                throw error(t + " appears twice");
            }
            String vrText = r.getAttributeValue(null, "vr");
            VR vr = vrText == null ? dictionary.vrOf(tag) : VR.ofName(vrText);
            if (vr == null) {
                throw error(t + ": vr=\"" + vrText + "\" is not a VR");
            }
            TreeMap<Integer, String> values = new TreeMap<>();
            Sequence seq = vr == VR.SQ ? ds.newSequence(tag) : null;
            byte[] inline = null;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                switch (name) {
                    case "Value", "PersonName" -> {
                        if (vr == VR.SQ || isBulk(vr)) {
                            throw error(t + ": <" + name + "> is not allowed for VR " + vr);
                        }
                        if (name.equals("PersonName") != (vr == VR.PN)) {
                            throw error(t + ": <" + name + "> does not match VR " + vr);
                        }
                        int number = number(t);
                        if (values.put(number, name.equals("Value") ? text() : personName(t)) != null) {
                            throw error(t + ": value number " + number + " appears twice");
                        }
                    }
                    case "Item" -> {
                        if (seq == null) {
                            throw error(t + ": <Item> is only allowed for VR SQ, not " + vr);
                        }
                        int number = number(t);
                        if (number != seq.size() + 1) {
                            throw error(t + ": Item number " + number + " out of order, expected " + (seq.size() + 1));
                        }
                        dataSet(seq.addItem(), depth + 1, "Item");
                    }
                    case "InlineBinary" -> {
                        // OB ... UN, and text that XML 1.0 cannot carry: its bytes as held (NativeXmlWriter)
                        if (!isBulk(vr) && !vr.isText()) {
                            throw error(t + ": <InlineBinary> is only for OB, OD, OF, OL, OV, OW, UN and text,"
                                    + " not " + vr);
                        }
                        try {
                            inline = Base64.getMimeDecoder().decode(text().trim());
                        } catch (IllegalArgumentException e) {
                            throw error(t + ": <InlineBinary> is not valid base64: " + e.getMessage());
                        }
                    }
                    case "BulkData" -> throw error(t + ": <BulkData> is not supported; give the value as"
                            + " <InlineBinary>");
                    default -> throw error(t + ": unexpected <" + name + "> in <DicomAttribute>");
                }
            }
            if (seq != null) {
                return;
            }
            if (inline != null) {
                ds.set(tag, vr, inline);
                return;
            }
            if (values.isEmpty()) {
                ds.setNull(tag, vr);
                return;
            }
            List<String> list = new ArrayList<>();
            for (int k = 1; k <= values.lastKey(); k++) {
                String v = values.getOrDefault(k, "");
                if (!vr.isSingleValuedText() && v.indexOf('\\') >= 0) {
                    throw error(t + ": value " + k + " contains a backslash, the value delimiter of " + vr);
                }
                list.add(v);
            }
            if (vr.isSingleValuedText() && list.size() > 1) {
                throw error(t + ": VR " + vr + " has a single value, found " + list.size());
            }
            if (vr.isText()) {
                ds.setString(tag, vr, String.join("\\", list));
            } else {
                ds.set(tag, vr, binary(t, vr, list));
            }
        }

        private byte[] binary(String t, VR vr, List<String> list) throws DicomEncodingException {
            if (vr == VR.AT) {
                byte[] b = new byte[list.size() * 4];
                for (int k = 0; k < list.size(); k++) {
                    long tag = list.get(k).trim().length() == 8 ? Tag.parse(list.get(k).trim()) : -1;
                    if (tag < 0) {
                        throw error(t + ": AT value '" + list.get(k) + "' is not 8 hexadecimal digits");
                    }
                    ByteOrder.putShortLE(b, 4 * k, (int) (tag >>> 16));
                    ByteOrder.putShortLE(b, 4 * k + 2, (int) tag);
                }
                return b;
            }
            long[] range = switch (vr) {
                case US -> new long[] {0, 0xFFFF};
                case SS -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
                case UL -> new long[] {0, 0xFFFFFFFFL};
                case SL -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
                default -> null;
            };
            for (String v : range == null ? List.<String>of() : list) {
                try {
                    long n = Long.parseLong(v.trim());
                    if (n < range[0] || n > range[1]) {
                        throw error(t + ": " + v.trim() + " is out of range for " + vr + " (" + range[0] + ".."
                                + range[1] + ")");
                    }
                } catch (NumberFormatException e) {
                    throw error(t + ": '" + v + "' is not a valid " + vr + " value");
                }
            }
            try {
                return BinaryValues.parse(String.join("\\", list), vr);
            } catch (IllegalArgumentException e) {
                throw error(t + ": " + e.getMessage());
            }
        }

        private int number(String t) throws DicomEncodingException {
            String n = r.getAttributeValue(null, "number");
            try {
                int v = Integer.parseInt(n);
                if (v < 1 || v > 0xFFFF) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(t + ": number=\"" + n + "\" must be 1 or more");
            }
        }

        private String personName(String t) throws XMLStreamException, DicomEncodingException {
            String[] groups = new String[3];
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                int g = List.of(GROUPS).indexOf(r.getLocalName());
                if (g < 0) {
                    throw error(t + ": unexpected <" + r.getLocalName() + "> in <PersonName>");
                }
                String[] comps = new String[5];
                while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                    int c = List.of(COMPONENTS).indexOf(r.getLocalName());
                    if (c < 0) {
                        throw error(t + ": unexpected <" + r.getLocalName() + "> in <" + GROUPS[g] + ">");
                    }
                    comps[c] = text();
                }
                int last = 4;
                while (last > 0 && (comps[last] == null || comps[last].isEmpty())) {
                    last--;
                }
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c <= last; c++) {
                    if (c > 0) {
                        sb.append('^');
                    }
                    sb.append(comps[c] == null ? "" : comps[c]);
                }
                groups[g] = sb.toString();
            }
            int last = 2;
            while (last > 0 && (groups[last] == null || groups[last].isEmpty())) {
                last--;
            }
            StringBuilder sb = new StringBuilder();
            for (int g = 0; g <= last; g++) {
                if (g > 0) {
                    sb.append('=');
                }
                sb.append(groups[g] == null ? "" : groups[g]);
            }
            return sb.toString();
        }
    }

    private static boolean isBulk(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    private Attributes parse(XMLStreamReader r) throws XMLStreamException, DicomEncodingException {
        Parse p = new Parse(r);
        if (p.nextTag() != XMLStreamConstants.START_ELEMENT || !"NativeDicomModel".equals(r.getLocalName())) {
            throw p.error("the root element must be <NativeDicomModel>");
        }
        Attributes ds = new Attributes();
        p.dataSet(ds, 0, "NativeDicomModel");
        if (p.nextTag() != XMLStreamConstants.END_DOCUMENT) {
            throw p.error("content after </NativeDicomModel>");
        }
        return ds;
    }
}
