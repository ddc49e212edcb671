package io.dicomfind.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.TransferSyntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimseStatusTest {
    @Test
    void classificationByValueAndRange() {
        assertEquals(DimseStatus.Category.PENDING, DimseStatus.categoryOf(0xFF00));
        assertEquals(DimseStatus.Category.PENDING, DimseStatus.categoryOf(0xFF01));
        assertEquals(DimseStatus.Category.CANCEL, DimseStatus.categoryOf(0xFE00));
        assertEquals(DimseStatus.Category.SUCCESS, DimseStatus.categoryOf(0x0000));
        for (int w : new int[] {0xB000, 0xB001, 0xBFFF, 0x0001, 0x0107, 0x0116}) {
            assertEquals(DimseStatus.Category.WARNING, DimseStatus.categoryOf(w), Integer.toHexString(w));
        }
        for (int f : new int[] {0xA700, 0xA900, 0xC000, 0xC123, 0xCFFF, 0x0122, 0x0124, 0x0110, 0x0211, 0xFF02}) {
            assertEquals(DimseStatus.Category.FAILURE, DimseStatus.categoryOf(f), Integer.toHexString(f));
        }
        assertTrue(DimseStatus.of(0xA700).isFinal());
        assertTrue(DimseStatus.of(0xFE00).isFinal());
        assertTrue(!DimseStatus.of(0xFF01).isFinal());
    }

    @Test
    void namesInWords() {
        assertEquals("Refused: Out of Resources", DimseStatus.describe(0xA700));
        assertEquals("Identifier does not match SOP Class", DimseStatus.describe(0xA900));
        assertEquals("Failed: Unable to process", DimseStatus.describe(0xC512));
        assertEquals("Refused: SOP Class not supported", DimseStatus.describe(0x0122));
        assertEquals("Refused: Not authorized", DimseStatus.describe(0x0124));
        assertEquals("Cancel: matching terminated due to Cancel request", DimseStatus.describe(0xFE00));
    }

    @Test
    void errorCommentOffendingElementAndErrorIdFromTheCommand() {
        Attributes cmd = new Attributes();
        cmd.setInt(Tag.Status, VR.US, 0xA900);
        cmd.setInt(Tag.OffendingElement, VR.AT, Tag.PatientName, Tag.StudyDate);
        cmd.setString(Tag.ErrorComment, VR.LO, "bad key");
        cmd.setInt(Tag.ErrorID, VR.US, 0x12);
        DimseStatus s = DimseStatus.fromCommand(0xA900, cmd);
        assertEquals("bad key", s.errorComment());
        assertEquals(Tag.PatientName, s.offendingElements()[0]);
        assertEquals(Tag.StudyDate, s.offendingElements()[1]);
        assertEquals(0x12, s.errorId());
        assertEquals("A900H Identifier does not match SOP Class [comment: bad key, offending element: (0010,0010)"
                + " (0008,0020), error ID 0012H]", s.toString());
    }

    @Test
    void proposalsInFindscuOrder() {
        TransferSyntax le = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        TransferSyntax be = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        TransferSyntax il = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        TransferSyntax df = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        assertEquals(little ? List.of(le, be, il) : List.of(be, le, il),
                TransferSyntaxProposal.UNCOMPRESSED.transferSyntaxes());
        assertEquals(List.of(le, be, il), TransferSyntaxProposal.LITTLE.transferSyntaxes());
        assertEquals(List.of(be, le, il), TransferSyntaxProposal.BIG.transferSyntaxes());
        assertEquals(df, TransferSyntaxProposal.DEFLATED.transferSyntaxes().get(0));
        assertEquals(4, TransferSyntaxProposal.DEFLATED.transferSyntaxes().size());
        assertEquals(List.of(il), TransferSyntaxProposal.IMPLICIT.transferSyntaxes());
        assertEquals("-xd", TransferSyntaxProposal.DEFLATED.option());
    }
}
