package io.dicomfind.dicom.net.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Strict, independent readers for output files of any size, used by the hostile-output tests: xmllint and the JDK's
 * SAX parser (both streaming) for XML 1.0 well-formedness, DCMTK's dcmdump for Part-10 files, {@link StrictJson} for
 * JSON.
 */
public final class StrictParsers {
    private StrictParsers() {
    }

    /** xmllint and the JDK's parser accept {@code f}; returns the number of {@code data-set} elements. */
    public static int xml(Path f) throws Exception {
        Process x = new ProcessBuilder("xmllint", "--noout", "--nonet", "--huge", f.toString())
                .redirectErrorStream(true).start();
        String said = new String(x.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(x.waitFor(120, TimeUnit.SECONDS), "xmllint did not end");
        assertEquals(0, x.exitValue(), () -> "xmllint rejects " + f + ":\n" + said.lines().limit(5).toList());
        int[] dataSets = {0};
        try {
            SAXParserFactory.newInstance().newSAXParser().parse(f.toFile(), new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    if (qName.equals("data-set")) {
                        dataSets[0]++;
                    }
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
        } catch (SAXException e) {
            throw new AssertionError("the JDK's parser rejects " + f + ": " + e.getMessage(), e);
        }
        return dataSets[0];
    }

    /** DCMTK's dcmdump reads the DICOM file {@code f} without error ({@code -q}: output discarded). */
    public static void part10(Path f) throws Exception {
        Process d = new ProcessBuilder("dcmdump", "-q", f.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(d.waitFor(120, TimeUnit.SECONDS), "dcmdump did not end");
        assertEquals(0, d.exitValue(), "dcmdump cannot read " + f);
    }
}
