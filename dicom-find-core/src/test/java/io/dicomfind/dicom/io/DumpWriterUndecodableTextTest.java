package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Text a peer sent that decodes only with replacement characters or a fallback character set cannot be encoded back
 * in the data set's Specific Character Set; the dump must still show it (found by the findscu hostile suite: the
 * dump threw, findscu exited 2 with "Find SCU Failed" and aborted a good association).
 */
class DumpWriterUndecodableTextTest {

    private static String dump(String characterSet, byte[] name) {
        Attributes ds = new Attributes();
        ds.set(Tag.SpecificCharacterSet, VR.CS, characterSet.getBytes(StandardCharsets.US_ASCII));
        ds.set(Tag.PatientName, VR.PN, name);
        return new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).showPadding(true).dump(ds);
    }

    @Test
    void unknownDefinedTermsWithANonAsciiByte() {
        String d = dump("ISO_IR 999\\NO SUCH", new byte[] {'A', 'B', (byte) 0xE9, 'C'});
        assertTrue(d.contains("(0010,0010) PN [AB"), d);
        assertTrue(d.contains("#   4, 1 PatientName"), d);
    }

    @Test
    void invalidIso2022EscapesDecodedWithReplacementCharacters() {
        String d = dump("ISO 2022 IR 87", new byte[] {'A', 'B', 'C', 0x1B, '$', 'B', 0x30, 0x1B, 0x1B, '(', 'Z', 'x',
                0x1B, '(', 'B', 'Z'});
        assertTrue(d.contains("(0010,0010) PN [ABC"), d);
        assertTrue(d.contains("#  16, 1 PatientName"), d);
    }
}
