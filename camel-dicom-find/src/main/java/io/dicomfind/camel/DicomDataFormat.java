package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.dicom.io.JsonWriter;
import io.dicomfind.dicom.io.NativeXmlWriter;
import io.dicomfind.dicom.io.Part10;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Dataformat;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Data format {@code dicom}: C-FIND identifiers ({@link Attributes}) to and from DICOM JSON (PS3.18 F.2, the default),
 * Native DICOM Model XML (PS3.19 A.1) or Part-10 files (PS3.10 7.1).
 *
 * <p>Marshal takes an {@code Attributes}; with {@code json} also a {@code List} or {@code Iterator} of them (a
 * {@code SelectList} body), written as one JSON array as F.2.1 does for multiple results, streaming. Unmarshal gives an
 * {@code Attributes}; a JSON array gives a {@code List<Attributes>}. Input is bounded by the default decode limits.
 */
@Dataformat("dicom")
@Configurer(metadataOnly = false)
@Metadata(firstVersion = "0.1.0", title = "DICOM", label = "dataformat,transformation",
          description = "C-FIND identifiers to and from DICOM JSON, Native DICOM XML or Part-10")
public class DicomDataFormat extends ServiceSupport implements DataFormat, DataFormatName {

    /** The encodings. */
    public enum Format { json, xml, part10 }

    @Metadata(defaultValue = "json", enums = "json,xml,part10",
              description = "json: DICOM JSON Model (PS3.18 F.2); xml: Native DICOM Model (PS3.19 A.1); part10: a"
                            + " DICOM file in Explicit VR Little Endian (PS3.10 7.1)")
    private Format format = Format.json;
    @Metadata(defaultValue = "false", description = "Indent JSON output")
    private boolean prettyPrint;

    public DicomDataFormat() {
    }

    public DicomDataFormat(Format format) {
        this.format = format;
    }

    @Override
    public String getDataFormatName() {
        return "dicom";
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        switch (format) {
            case json -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                JsonWriter json = new JsonWriter(w).pretty(prettyPrint);
                if (graph instanceof Attributes ds) {
                    json.writeDataSet(ds);
                } else {
                    Iterator<?> it = graph instanceof Iterable<?> i ? i.iterator()
                            : graph instanceof Iterator<?> i ? i : null;
                    if (it == null) {
                        throw new IllegalArgumentException("dicom data format: cannot marshal a "
                                + graph.getClass().getName() + "; give Attributes or a List of them");
                    }
                    json.startArray();
                    while (it.hasNext()) {
                        json.writeDataSet(attributes(it.next(), exchange));
                    }
                    json.endArray();
                }
                w.flush();
            }
            case xml -> NativeXmlWriter.write(single(graph, exchange), stream);
            case part10 -> DicomFindConverters.writePart10(single(graph, exchange), stream, exchange);
        }
    }

    private static Attributes single(Object graph, Exchange exchange) throws Exception {
        if (graph instanceof Iterable<?> || graph instanceof Iterator<?>) {
            throw new IllegalArgumentException("dicom data format: xml and part10 hold one data set each (PS3.19 A.1,"
                    + " PS3.10 7.1); split the list first, or use format=json");
        }
        return attributes(graph, exchange);
    }

    private static Attributes attributes(Object o, Exchange exchange) throws Exception {
        if (o instanceof Attributes a) {
            return a;
        }
        return exchange.getContext().getTypeConverter().mandatoryConvertTo(Attributes.class, exchange, o);
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return switch (format) {
            case json -> {
                java.io.Reader r = new java.io.BufferedReader(new java.io.InputStreamReader(stream,
                        StandardCharsets.UTF_8));
                boolean array = firstNonBlank(r) == '[';
                List<Attributes> all = new JsonReader(DecodeLimits.DEFAULT).readDataSets(r);
                yield array ? all : all.get(0); // F.2.1: an array for several results, an object for one
            }
            case xml -> new io.dicomfind.dicom.io.NativeXmlReader().read(stream);
            case part10 -> Part10.read(stream, DecodeLimits.DEFAULT).dataSet();
        };
    }

    /** Peeks at the first character that is not white space, leaving it in the reader. */
    private static int firstNonBlank(java.io.Reader r) throws java.io.IOException {
        while (true) {
            r.mark(1);
            int c = r.read();
            if (c < 0 || !Character.isWhitespace(c)) {
                r.reset();
                return c;
            }
        }
    }

    public Format getFormat() {
        return format;
    }

    public void setFormat(Format format) {
        this.format = format;
    }

    public boolean isPrettyPrint() {
        return prettyPrint;
    }

    public void setPrettyPrint(boolean prettyPrint) {
        this.prettyPrint = prettyPrint;
    }
}
