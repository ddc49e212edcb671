package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A received identifier: decoded lazily when canonical, now otherwise, and the same to its users either way. */
class FindResponseTest {
    private static final TransferSyntax EVR = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private static Attributes identifier() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        ds.setString(Tag.PatientName, VR.PN, "M\u00fcller^Hans");
        ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, VR.CS, "CT");
        return ds;
    }

    private static FindResponse received(byte[] data) throws IOException {
        return FindResponse.received(1, DimseStatus.of(0xFF00), data, EVR, DecodeLimits.DEFAULT,
                EncodeOptions.DEFAULT, new Attributes(), 1);
    }

    @Test
    void canonicalAndNonCanonicalEncodingsLookTheSame() throws IOException {
        byte[] canonical = DataSetWriter.toBytes(identifier(), EVR, EncodeOptions.DEFAULT);
        byte[] undefinedLengths = DataSetWriter.toBytes(identifier(), EVR, new EncodeOptions(true, true, 6));
        FindResponse lazy = received(canonical);
        FindResponse eager = received(undefinedLengths);
        assertTrue(lazy.isIdentifierCanonical());
        assertFalse(eager.isIdentifierCanonical());
        for (FindResponse r : new FindResponse[] {lazy, eager}) {
            assertTrue(r.hasIdentifier());
            assertEquals(EVR, r.transferSyntax());
            assertEquals("M\u00fcller^Hans", r.identifier().getString(Tag.PatientName));
            assertEquals("CT", r.identifier().getSequence(Tag.ScheduledProcedureStepSequence).get(0)
                    .getString(Tag.Modality));
            Attributes sop = r.identifierElements(Tag.SOPClassUID, Tag.SOPInstanceUID,
                    Tag.ScheduledProcedureStepSequence, Tag.AccessionNumber);
            assertEquals(2, sop.size(), "the UIDs; no sequence, nothing absent");
            assertEquals("1.2.3.4.5", sop.getString(Tag.SOPInstanceUID));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lazy.writeEncodedIdentifier(out);
        assertArrayEquals(canonical, out.toByteArray(), "written as received");
        out.reset();
        eager.writeEncodedIdentifier(out);
        assertArrayEquals(undefinedLengths, out.toByteArray(), "written as received, whatever its form");
    }

    @Test
    void aLazyIdentifierIsDecodedOnceAndSharedSafelyBetweenThreads() throws Exception {
        FindResponse r = received(DataSetWriter.toBytes(identifier(), EVR, EncodeOptions.DEFAULT));
        CompletableFuture<Attributes> other = CompletableFuture.supplyAsync(r::identifier);
        Attributes here = r.identifier();
        assertSame(here, other.get(), "one decoded identifier, whichever thread asked first");
        assertSame(here, r.identifier());
    }

    @Test
    void aMalformedIdentifierFailsOnReceiptNotLater() {
        // (0010,0010) PN claiming 100 bytes where 4 follow
        byte[] data = {0x10, 0, 0x10, 0, 'P', 'N', 100, 0, 'a', 'b', 'c', 'd'};
        IOException e = assertThrows(IOException.class, () -> received(data));
        assertTrue(e.getMessage().contains("value of 100 bytes truncated after 4 bytes"), e.getMessage());
    }

    @Test
    void withoutIdentifierNothingIsDecodedOrWritten() {
        FindResponse r = new FindResponse(1, DimseStatus.of(0xFF00), null, new Attributes(), 1);
        assertFalse(r.hasIdentifier());
        assertNull(r.identifier());
        assertNull(r.identifierElements(Tag.SOPInstanceUID));
        assertNull(r.transferSyntax());
        assertFalse(r.isIdentifierCanonical());
        assertThrows(IllegalStateException.class, () -> r.writeEncodedIdentifier(new ByteArrayOutputStream()));
    }

    @Test
    void theDecodedIdentifierEqualsAnEagerDecoding() throws IOException {
        byte[] canonical = DataSetWriter.toBytes(identifier(), EVR, EncodeOptions.DEFAULT);
        Attributes eager = DataSetReader.read(canonical, EVR, DecodeLimits.DEFAULT);
        assertArrayEquals(DataSetWriter.toBytes(eager, EVR, EncodeOptions.DEFAULT),
                DataSetWriter.toBytes(received(canonical).identifier(), EVR, EncodeOptions.DEFAULT));
    }
}
