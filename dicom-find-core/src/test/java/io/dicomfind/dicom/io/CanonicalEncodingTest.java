package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical check promises: accepted data decodes, and re-encodes to the very same bytes. Every rule it applies
 * is shown necessary here by an input that breaks only that rule, decodes, and would be written differently.
 */
class CanonicalEncodingTest {
    private static final TransferSyntax EVR = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax IVR = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    private static final DecodeLimits LIMITS = DecodeLimits.DEFAULT;

    private static boolean canonical(byte[] data, TransferSyntax ts) {
        return CanonicalEncoding.check(data, ts, LIMITS, EncodeOptions.DEFAULT);
    }

    /** The promise itself: read, write back, compare. */
    private static void assertPassesThroughUnchanged(byte[] data, TransferSyntax ts) throws IOException {
        assertTrue(canonical(data, ts), "should be canonical");
        Attributes ds = DataSetReader.read(data, ts, LIMITS);
        assertArrayEquals(data, DataSetWriter.toBytes(ds, ts, EncodeOptions.DEFAULT));
    }

    /** Not canonical, yet decodable: re-encoding changes the bytes, so passing them through would be wrong. */
    private static void assertRejectedAndRewritten(byte[] data, TransferSyntax ts) throws IOException {
        assertFalse(canonical(data, ts), "should not be canonical");
        Attributes ds = DataSetReader.read(data, ts, LIMITS);
        assertFalse(Arrays.equals(data, DataSetWriter.toBytes(ds, ts, EncodeOptions.DEFAULT)),
                "the writer would have written these bytes unchanged: the rule is not needed");
    }

    @Test
    void whatTheWriterWritesIsCanonicalInBothLittleEndianSyntaxes() throws IOException {
        for (TransferSyntax ts : new TransferSyntax[] {EVR, IVR}) {
            assertPassesThroughUnchanged(DataSetWriter.toBytes(DataSetCodecTest.sample(), ts, EncodeOptions.DEFAULT),
                    ts);
            assertPassesThroughUnchanged(new byte[0], ts);
        }
    }

    @Test
    void bigEndianAndDeflatedAreNeverCanonical() throws IOException {
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}) {
            assertFalse(canonical(DataSetWriter.toBytes(DataSetCodecTest.sample(), ts, EncodeOptions.DEFAULT), ts));
        }
    }

    @Test
    void undefinedLengthSequencesAndItemsAreNot() throws IOException {
        byte[] undefined = DataSetWriter.toBytes(DataSetCodecTest.sample(), EVR, new EncodeOptions(true, true, 6));
        assertRejectedAndRewritten(undefined, EVR);
    }

    @Test
    void elementsOutOfOrderOrRepeatedAreNot() throws IOException {
        byte[] name = evr(Tag.PatientName, "PN", "Doe^John");
        byte[] id = evr(Tag.PatientID, "LO", "12");
        assertPassesThroughUnchanged(concat(name, id), EVR);
        assertRejectedAndRewritten(concat(id, name), EVR);
        assertRejectedAndRewritten(concat(name, name), EVR);
    }

    @Test
    void tagsCompareUnsignedAsAttributesKeepsThem() throws IOException {
        assertPassesThroughUnchanged(concat(evr(Tag.PatientID, "LO", "12"), evr(0x88880010, "LO", "PRIV")), EVR);
        assertRejectedAndRewritten(concat(evr(0x88880010, "LO", "PRIV"), evr(Tag.PatientID, "LO", "12")), EVR);
    }

    @Test
    void oddLengthsAreNot() throws IOException {
        assertRejectedAndRewritten(evr(Tag.PatientID, "LO", "123"), EVR);
    }

    @Test
    void groupLengthsAboveTheMetaGroupAreNot() throws IOException {
        byte[] groupLength = concat(header(0x00100000, "UL", 4), new byte[] {12, 0, 0, 0});
        assertRejectedAndRewritten(concat(groupLength, evr(Tag.PatientID, "LO", "12")), EVR);
    }

    @Test
    void nonZeroReservedBytesAreNot() throws IOException {
        Attributes ds = new Attributes();
        ds.set(0x00420011, VR.OB, new byte[] {1, 2}); // Encapsulated Document: OB has a 32-bit length
        byte[] ob = DataSetWriter.toBytes(ds, EVR, EncodeOptions.DEFAULT);
        assertPassesThroughUnchanged(ob, EVR);
        ob[6] = 1;
        assertRejectedAndRewritten(ob, EVR);
    }

    @Test
    void newVrsAreNotWhenTheyWouldBeWrittenAsOb() throws IOException {
        byte[] uc = evr(0x00400031, "UC", "LOCAL1"); // Local Namespace Entity ID (UC)
        assertTrue(canonical(uc, EVR));
        EncodeOptions oldVRs = EncodeOptions.DEFAULT.withNewVRs(false);
        assertFalse(CanonicalEncoding.check(uc, EVR, LIMITS, oldVRs));
        Attributes ds = DataSetReader.read(uc, EVR, LIMITS);
        assertFalse(Arrays.equals(uc, DataSetWriter.toBytes(ds, EVR, oldVRs)));
        // Implicit VR carries no VR: nothing to rewrite
        byte[] implicit = DataSetWriter.toBytes(ds, IVR, EncodeOptions.DEFAULT);
        assertTrue(CanonicalEncoding.check(implicit, IVR, LIMITS, oldVRs));
    }

    @Test
    void aDelimiterInADefinedLengthSequenceIsNot() throws IOException {
        // (0040,0100) SQ of defined length 16 holding one empty item and a sequence delimiter, which the reader
        // tolerates and the writer leaves out
        byte[] sq = concat(header(Tag.ScheduledProcedureStepSequence, "SQ", 16), item(Tag.Item, 0),
                item(Tag.SequenceDelimitationItem, 0));
        assertRejectedAndRewritten(sq, EVR);
    }

    @Test
    void unknownVrsLyingLengthsAndTruncationAreNotAndStillFailToDecode() {
        byte[] good = concat(evr(Tag.PatientName, "PN", "Doe^John"), evr(Tag.PatientID, "LO", "12"));
        byte[] unknownVr = good.clone();
        unknownVr[4] = 'Z';
        unknownVr[5] = 'Z';
        byte[] lying = good.clone();
        lying[6] = (byte) 0xF0; // the first value claims 240 bytes more than there are
        for (byte[] bad : new byte[][] {unknownVr, lying, Arrays.copyOf(good, good.length - 3),
                Arrays.copyOf(good, 5)}) {
            assertFalse(canonical(bad, EVR));
            assertDecodingFails(bad);
        }
    }

    @Test
    void decodeLimitsAreRespected() throws IOException {
        byte[] data = DataSetWriter.toBytes(DataSetCodecTest.sample(), EVR, EncodeOptions.DEFAULT);
        assertFalse(CanonicalEncoding.check(data, EVR, new DecodeLimits(4, 64, 1 << 20), EncodeOptions.DEFAULT),
                "a value longer than maxElementLength");
        assertFalse(CanonicalEncoding.check(data, EVR, new DecodeLimits(1 << 20, 1, 1 << 20), EncodeOptions.DEFAULT),
                "sequences nested deeper than maxDepth");
        assertFalse(CanonicalEncoding.check(data, EVR, new DecodeLimits(1 << 20, 64, data.length - 1),
                EncodeOptions.DEFAULT), "longer than maxDataSetLength");
        assertTrue(CanonicalEncoding.check(data, EVR, new DecodeLimits(1 << 20, 64, data.length),
                EncodeOptions.DEFAULT));
    }

    @Test
    void selectDecodesOnlyTheNamedTopLevelElements() throws IOException {
        Attributes ds = DataSetCodecTest.sample();
        for (TransferSyntax ts : new TransferSyntax[] {EVR, IVR}) {
            byte[] data = DataSetWriter.toBytes(ds, ts, EncodeOptions.DEFAULT);
            Attributes s = CanonicalEncoding.select(data, ts, Tag.StudyInstanceUID, Tag.SOPInstanceUID,
                    Tag.Modality);
            assertEquals(1, s.size(), "only the top-level StudyInstanceUID is there");
            assertEquals("1.2.3.4.5", s.getString(Tag.StudyInstanceUID));
            assertEquals(VR.UI, s.vr(Tag.StudyInstanceUID));
            assertNull(s.getString(Tag.Modality), "an element inside an item is not top level");
        }
    }

    /** Random corruptions of canonical encodings: whatever the check accepts must pass through unchanged. */
    @Test
    void whateverIsAcceptedPassesThroughUnchanged() throws IOException {
        Random random = new Random(20261127);
        int accepted = 0;
        for (TransferSyntax ts : new TransferSyntax[] {EVR, IVR}) {
            byte[] base = DataSetWriter.toBytes(DataSetCodecTest.sample(), ts, EncodeOptions.DEFAULT);
            for (int i = 0; i < 20_000; i++) {
                byte[] m = base.clone();
                for (int k = random.nextInt(3); k >= 0; k--) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
                if (canonical(m, ts)) {
                    accepted++;
                    assertPassesThroughUnchanged(m, ts);
                }
            }
        }
        assertTrue(accepted > 1000, "too few mutants accepted to mean anything: " + accepted);
    }

    private static void assertDecodingFails(byte[] data) {
        try {
            DataSetReader.read(data, EVR, LIMITS);
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("decodes: " + Arrays.toString(data));
    }

    private static byte[] header(int tag, String vr, int length) {
        boolean longLength = VR.ofName(vr).longLength();
        byte[] h = new byte[longLength ? 12 : 8];
        putTag(h, tag);
        h[4] = (byte) vr.charAt(0);
        h[5] = (byte) vr.charAt(1);
        if (longLength) {
            putInt(h, 8, length);
        } else {
            h[6] = (byte) length;
            h[7] = (byte) (length >> 8);
        }
        return h;
    }

    private static byte[] evr(int tag, String vr, String value) {
        return concat(header(tag, vr, value.length()), value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static byte[] item(int tag, int length) {
        byte[] h = new byte[8];
        putTag(h, tag);
        putInt(h, 4, length);
        return h;
    }

    private static void putTag(byte[] b, int tag) {
        b[0] = (byte) (tag >>> 16);
        b[1] = (byte) (tag >>> 24);
        b[2] = (byte) tag;
        b[3] = (byte) (tag >>> 8);
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
