package io.dicomfind.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.Priority;
import org.junit.jupiter.api.Test;

class CommandSetTest {
    private static final String MWL = "1.2.840.10008.5.1.4.31";

    @Test
    void cFindRqHasAnExactGroupLengthAndThePs37Fields() throws Exception {
        byte[] b = CommandSet.encode(CommandSet.cFindRq(7, MWL, Priority.HIGH));
        assertEquals(0, ByteOrder.getIntLE(b, 0), "(0000,0000) first");
        assertEquals(4, ByteOrder.getIntLE(b, 4));
        assertEquals(b.length - 12, ByteOrder.getIntLE(b, 8), "group length counts every following byte");
        assertEquals(0, b.length % 2);
        Attributes cmd = CommandSet.decode(b, 0, b.length);
        assertEquals(MWL, cmd.getString(Tag.AffectedSOPClassUID));
        assertEquals(0x0020, CommandSet.getUS(cmd, Tag.CommandField));
        assertEquals(7, CommandSet.getUS(cmd, Tag.MessageID));
        assertEquals(0x0001, CommandSet.getUS(cmd, Tag.Priority));
        assertEquals(0x0001, CommandSet.getUS(cmd, Tag.CommandDataSetType));
        // the odd-length UID (22 chars -> even already) and padding: (0000,0002) value length is even
        assertEquals(MWL.length() + (MWL.length() & 1), ByteOrder.getIntLE(b, 16));
    }

    @Test
    void cCancelRqRespondsToTheFindAndHasNoDataSet() throws Exception {
        byte[] b = CommandSet.encode(CommandSet.cCancelRq(0x1234));
        Attributes cmd = CommandSet.decode(b, 0, b.length);
        assertEquals(0x0FFF, CommandSet.getUS(cmd, Tag.CommandField));
        assertEquals(0x1234, CommandSet.getUS(cmd, Tag.MessageIDBeingRespondedTo));
        assertEquals(0x0101, CommandSet.getUS(cmd, Tag.CommandDataSetType));
        assertFalse(cmd.contains(Tag.MessageID));
        assertFalse(cmd.contains(Tag.AffectedSOPClassUID));
    }

    @Test
    void cEchoRq() throws Exception {
        byte[] b = CommandSet.encode(CommandSet.cEchoRq(65535, "1.2.840.10008.1.1"));
        Attributes cmd = CommandSet.decode(b, 0, b.length);
        assertEquals(65535, CommandSet.getUS(cmd, Tag.MessageID));
        assertEquals("1.2.840.10008.1.1", cmd.getString(Tag.AffectedSOPClassUID));
        assertEquals(0x0030, CommandSet.getUS(cmd, Tag.CommandField));
    }

    @Test
    void garbledCommandsAreProtocolErrors() {
        byte[] b = CommandSet.encode(CommandSet.cEchoRq(1, "1.2.840.10008.1.1"));
        b[16] = 0x7F; // (0000,0002) length beyond the command
        DicomProtocolException e = assertThrows(DicomProtocolException.class,
                () -> CommandSet.decode(b, 0, b.length));
        assertEquals(0, e.abortSource());
        byte[] data = {0x10, 0, 0x10, 0, 2, 0, 0, 0, 'A', ' '}; // (0010,0010) in a command set
        assertTrue(assertThrows(DicomProtocolException.class, () -> CommandSet.decode(data, 0, data.length))
                .getMessage().contains("(0010,0010)"));
    }

    @Test
    void missingOrGarbledUsIsMinusOne() throws Exception {
        byte[] shortStatus = {0, 0, 0, 9, 1, 0, 0, 0, 5};
        Attributes cmd = CommandSet.decode(shortStatus, 0, 9);
        assertEquals(-1, CommandSet.getUS(cmd, Tag.Status));
        assertEquals(-1, CommandSet.getUS(new Attributes(), Tag.Status));
        assertNull(new Attributes().value(Tag.Status));
    }
}
