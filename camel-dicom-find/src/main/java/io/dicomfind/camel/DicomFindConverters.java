package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.JsonWriter;
import io.dicomfind.dicom.io.NativeXmlWriter;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;

/**
 * Type converters between {@link Attributes} (what the component puts in bodies) and plain types:
 * <ul>
 * <li>{@code Map} both ways ({@link DicomMaps}: keyword keys, decoded values);</li>
 * <li>{@code String}: to DICOM JSON (PS3.18 F.2); from DICOM JSON or Native DICOM Model XML (PS3.19 A.1), told apart by
 *     the first character. For XML output use the {@code dicom} data format with {@code format=xml}, or
 *     {@link #toNativeXml(Attributes)};</li>
 * <li>{@code byte[]} and {@code InputStream}: a Part-10 file (PS3.10 7.1) in Explicit VR Little Endian; reading also
 *     takes a bare data set without meta information.</li>
 * </ul>
 * A Part-10 file needs a Media Storage SOP Class UID, which an identifier does not have: the identifier's own
 * SOPClassUID (0008,0016) is used, else the exchange's {@code CamelDicomFindSopClassUid} header (the FIND SOP class
 * of the query), else Modality Worklist FIND; the instance UID is the identifier's SOPInstanceUID or a fresh
 * UUID-derived UID (PS3.5 B.2).
 */
@Converter(generateLoader = true)
public final class DicomFindConverters {
    private DicomFindConverters() {
    }

    @Converter
    public static Map<String, Object> toMap(Attributes ds) {
        return DicomMaps.toMap(ds);
    }

    @Converter
    public static Attributes fromMap(Map<?, ?> map) {
        return DicomMaps.fromMap(map);
    }

    /** DICOM JSON (PS3.18 F.2), one object; at most {@link TextLimit#MAX_CHARS} characters. */
    @Converter
    public static String toJson(Attributes ds) throws IOException {
        TextLimit text = new TextLimit("the DICOM JSON");
        new JsonWriter(text).writeDataSet(ds);
        return text.toString();
    }

    /**
     * Native DICOM Model XML (PS3.19 A.1), UTF-8 text; at most {@link TextLimit#MAX_CHARS} characters. Not a
     * converter: {@code String} is JSON.
     */
    public static String toNativeXml(Attributes ds) throws IOException {
        TextLimit text = new TextLimit("the Native DICOM XML");
        new NativeXmlWriter(text).writeDataSet(ds);
        return text.toString();
    }

    /** DICOM JSON (an object, or an array of one) or Native DICOM Model XML. */
    @Converter
    public static Attributes fromString(String text) throws IOException {
        return new QueryBodyReader(DecodeLimits.DEFAULT).read(text);
    }

    @Converter
    public static byte[] toPart10(Attributes ds, Exchange exchange) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePart10(ds, out, exchange);
        return out.toByteArray();
    }

    @Converter
    public static InputStream toInputStream(Attributes ds, Exchange exchange) throws IOException {
        return new ByteArrayInputStream(toPart10(ds, exchange));
    }

    @Converter
    public static Attributes fromPart10(byte[] bytes) throws IOException {
        return Part10.read(new ByteArrayInputStream(bytes), DecodeLimits.DEFAULT).dataSet();
    }

    @Converter
    public static Attributes fromInputStream(InputStream in) throws IOException {
        return Part10.read(in, DecodeLimits.DEFAULT).dataSet();
    }

    static void writePart10(Attributes ds, java.io.OutputStream out, Exchange exchange) throws IOException {
        String cuid = ds.getString(Tag.SOPClassUID);
        if (cuid == null && exchange != null) {
            cuid = exchange.getMessage().getHeader(DicomFindConstants.SOP_CLASS_UID, String.class);
        }
        if (cuid == null) {
            cuid = UID.ModalityWorklistInformationModelFind;
        }
        String iuid = ds.getString(Tag.SOPInstanceUID);
        Part10.write(out, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, cuid, iuid != null ? iuid : newUid(),
                UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, null, EncodeOptions.DEFAULT);
    }

    /** A UUID-derived UID (PS3.5 B.2): "2.25." and the UUID as an unsigned decimal integer. */
    private static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
