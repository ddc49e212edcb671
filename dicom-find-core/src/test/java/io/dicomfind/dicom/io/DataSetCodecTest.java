package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DataSetCodecTest {

    enum Syntax {
        IMPLICIT(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), EXPLICIT(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
        BIG(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN), DEFLATED(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

        final TransferSyntax ts;

        Syntax(TransferSyntax ts) {
            this.ts = ts;
        }
    }

    static Attributes sample() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setNull(Tag.PatientID, VR.LO);
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.4.5");
        ds.setInt(0x00280010, VR.US, 512);
        ds.setInt(0x00181153, VR.SL, -7);
        ds.setInt(0x00209165, VR.AT, 0x00100020);
        Sequence sps = ds.newSequence(Tag.ScheduledProcedureStepSequence);
        Attributes item = sps.addItem();
        item.setString(Tag.Modality, VR.CS, "CT");
        item.setNull(0x00400001, VR.AE);
        Sequence nested = item.newSequence(0x00400008);
        nested.addItem().setString(0x00080100, VR.SH, "X1");
        ds.newSequence(0x00081110); // empty type-2 sequence
        return ds;
    }

    @ParameterizedTest
    @EnumSource(Syntax.class)
    void roundTripsEverySyntaxWithDefinedAndUndefinedLengths(Syntax s) throws IOException {
        for (boolean undefined : new boolean[] {false, true}) {
            EncodeOptions opts = new EncodeOptions(true, undefined, 6);
            byte[] bytes = DataSetWriter.toBytes(sample(), s.ts, opts);
            Attributes back = DataSetReader.read(bytes, s.ts, DecodeLimits.DEFAULT);
            assertEquals("Doe^John", back.getString(Tag.PatientName));
            assertEquals("STUDY", back.getString(Tag.QueryRetrieveLevel));
            assertEquals("1.2.3.4.5", back.getString(Tag.StudyInstanceUID));
            assertTrue(back.contains(Tag.PatientID));
            assertNull(back.getString(Tag.PatientID));
            if (s.ts.explicitVR()) {
                assertEquals(512, back.getInt(0x00280010, 0));
                assertEquals(-7, back.getInt(0x00181153, 0));
                assertEquals(0x00100020, back.getInt(0x00209165, 0));
                assertEquals(VR.US, back.vr(0x00280010));
            }
            Sequence sps = back.getSequence(Tag.ScheduledProcedureStepSequence);
            if (s.ts.explicitVR()) {
                assertEquals(1, sps.size());
                assertEquals("CT", sps.get(0).getString(Tag.Modality));
                assertEquals("X1", sps.get(0).getSequence(0x00400008).get(0).getString(0x00080100));
                assertEquals(0, back.getSequence(0x00081110).size());
            }
        }
    }

    @Test
    void padsOddValuesWithTheVRsPaddingByte() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.PatientName, VR.PN, "Doe");
        byte[] b = DataSetWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, EncodeOptions.DEFAULT);
        assertEquals(8 + 4 + 8 + 6, b.length);
        assertEquals(' ', b[11]);
        assertEquals(0, b[8 + 4 + 8 + 5]);
    }

    @Test
    void dropsRetiredGroupLengthsOfDataGroups() throws IOException {
        Attributes ds = new Attributes();
        ds.setInt(0x00100000, VR.UL, 99);
        ds.setString(Tag.PatientName, VR.PN, "Doe");
        Attributes back = DataSetReader.read(DataSetWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                EncodeOptions.DEFAULT), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT);
        assertEquals(1, back.size());
    }

    @Test
    void disabledNewVRsAreWrittenAsOB() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(0x00081190, VR.UR, "http://x/");
        byte[] b = DataSetWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                EncodeOptions.DEFAULT.withNewVRs(false));
        assertEquals('O', b[4]);
        assertEquals('B', b[5]);
        assertArrayEquals("http://x/ ".getBytes(), java.util.Arrays.copyOfRange(b, 12, b.length));
    }

    @Test
    void undefinedLengthUNIsReadAsImplicitSequence() throws IOException {
        // (0040,0100) UN, undefined length, one item holding (0008,0060) "CT" in Implicit VR LE (PS3.5 6.2.2).
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x40, 0, 0, 1, 'U', 'N', 0, 0, -1, -1, -1, -1});
        o.writeBytes(new byte[] {-2, -1, 0, -32, -1, -1, -1, -1});
        o.writeBytes(new byte[] {0x08, 0, 0x60, 0, 2, 0, 0, 0, 'C', 'T'});
        o.writeBytes(new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0});
        o.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0});
        Attributes ds = DataSetReader.read(o.toByteArray(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DecodeLimits.DEFAULT);
        assertEquals(VR.SQ, ds.vr(Tag.ScheduledProcedureStepSequence));
        assertEquals("CT", ds.getSequence(Tag.ScheduledProcedureStepSequence).get(0).getString(Tag.Modality));
    }

    @Test
    void lyingLengthsFailWithTagAndOffsetWithoutAllocating() {
        byte[] huge = {0x10, 0, 0x10, 0, 'U', 'T', 0, 0, -1, -1, -1, 0x7F, 'x'};
        DicomEncodingException e = assertThrows(DicomEncodingException.class,
                () -> DataSetReader.read(huge, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT));
        assertTrue(e.getMessage().contains("(0010,0010)"), e.getMessage());
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
        byte[] truncated = {0x10, 0, 0x10, 0, 'P', 'N', 8, 0, 'D', 'o'};
        assertThrows(java.io.EOFException.class,
                () -> DataSetReader.read(truncated, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT));
        byte[] badVr = {0x10, 0, 0x10, 0, 'Z', 'Z', 0, 0};
        e = assertThrows(DicomEncodingException.class,
                () -> DataSetReader.read(badVr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT));
        assertTrue(e.getMessage().contains("unknown VR 'ZZ'"), e.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            o.writeBytes(new byte[] {0x40, 0, 0, 1, 'S', 'Q', 0, 0, -1, -1, -1, -1});
            o.writeBytes(new byte[] {-2, -1, 0, -32, -1, -1, -1, -1});
        }
        DicomEncodingException e = assertThrows(DicomEncodingException.class, () -> DataSetReader.read(
                o.toByteArray(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Syntax.class)
    void multiValuedNumbersAndTagsSplitAfterAWireRoundTrip(Syntax s) throws IOException {
        Attributes ds = new Attributes();
        ds.setInt(0x00280010, VR.US, 1, 2, 3);
        ds.setInt(0x00209165, VR.AT, 0x00100010, 0x00100020);
        ds.setString(0x00081190, VR.UC, " lead");
        Attributes back = DataSetReader.read(DataSetWriter.toBytes(ds, s.ts, EncodeOptions.DEFAULT), s.ts,
                DecodeLimits.DEFAULT);
        if (s.ts.explicitVR()) {
            assertArrayEquals(new String[] {"1", "2", "3"}, back.getStrings(0x00280010));
            assertEquals("2", back.getString(0x00280010, 1));
            assertArrayEquals(new String[] {"(0010,0010)", "(0010,0020)"}, back.getStrings(0x00209165));
            assertEquals(" lead", back.getString(0x00081190), "UC keeps leading spaces (PS3.5 Table 6.2-1)");
        }
    }

    @Test
    void aLengthRunningPastTheInputIsRefusedBeforeAllocating() {
        // (0010,0010) OB claiming 15 MiB in a 16-byte input: refused without allocating 15 MiB.
        byte[] lie = {0x10, 0, 0x10, 0, 'O', 'B', 0, 0, 0, 0, (byte) 0xF0, 0, 1, 2, 3, 4};
        java.io.EOFException e = assertThrows(java.io.EOFException.class,
                () -> DataSetReader.read(lie, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT));
        assertTrue(e.getMessage().contains("truncated after 4 bytes"), e.getMessage());
    }

    @Test
    void anElementRunningPastItsItemNamesTheElement() {
        // An item of length 12 holding (0008,0060) CS claiming 8 bytes: the element overruns the item by 4 bytes.
        byte[] b = {0x40, 0, 0, 1, 'S', 'Q', 0, 0, 20, 0, 0, 0,
                -2, -1, 0, -32, 12, 0, 0, 0,
                0x08, 0, 0x60, 0, 'C', 'S', 8, 0, 'C', 'T', ' ', ' '};
        DicomEncodingException e = assertThrows(DicomEncodingException.class,
                () -> DataSetReader.read(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT));
        assertTrue(e.getMessage().contains("(0008,0060)"), e.getMessage());
    }
}
