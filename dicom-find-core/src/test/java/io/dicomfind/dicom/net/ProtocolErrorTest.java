package io.dicomfind.dicom.net;

import static io.dicomfind.dicom.net.ScriptedScp.findRsp;
import static io.dicomfind.dicom.net.ScriptedScp.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Peer behaviour that real SCPs do not produce on demand, from a scripted SCP. */
class ProtocolErrorTest {
    static AssociationConfig.Builder config(ScriptedScp scp) {
        return AssociationConfig.builder("127.0.0.1", scp.port()).acseTimeout(Duration.ofSeconds(5))
                .dimseTimeout(Duration.ofSeconds(5)).artimTimeout(Duration.ofSeconds(2));
    }

    static Attributes keys() {
        Attributes k = new Attributes();
        k.setNull(Tag.PatientName, VR.PN);
        return k;
    }

    @Test
    void responseToAnotherMessageIdIsRejectedAndAborted() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            DimseMessage rq = s.readMessage();
            int id = CommandSet.getUS(rq.command(), Tag.MessageID);
            s.sendMessage(1, findRsp(id + 1, 0xFF00, 0), patient("X"));
            s.recordNext();
        })) {
            Association as = Association.open(config(scp).build());
            FindQuery q = as.find(keys());
            DicomProtocolException e = assertThrows(DicomProtocolException.class, q::nextResponse);
            assertTrue(e.getMessage().contains("answers message ID 2 but our request had message ID 1")
                    && e.getMessage().contains("127.0.0.1:" + scp.port()), e.getMessage());
            assertFalse(as.isOpen());
            scp.await();
            assertEquals(new AAbort(0, 0), scp.recorded.get(0));
        }
    }

    @Test
    void responseWithoutStatusIsAnErrorNotASpin() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.sendMessage(1, findRsp(1, -1, 0x0101), null);
            s.recordNext();
        })) {
            Association as = Association.open(config(scp).build());
            DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> as.find(keys())
                    .nextResponse());
            assertTrue(e.getMessage().contains("C-FIND-RSP without a valid Status (0000,0900)"), e.getMessage());
            scp.await();
            assertInstanceOf(AAbort.class, scp.recorded.get(0));
        }
    }

    @Test
    void peerReleaseRequestDuringFindIsAProtocolError() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.send(new AReleaseRq());
            s.recordNext();
        })) {
            Association as = Association.open(config(scp).build());
            DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> as.find(keys())
                    .nextResponse());
            assertTrue(e.getMessage().contains("A-RELEASE-RQ"), e.getMessage());
            scp.await();
            assertEquals(new AAbort(2, 2), scp.recorded.get(0), "provider abort: unexpected-PDU");
        }
    }

    @Test
    void peerAbortIsReportedInWords() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.send(new AAbort(2, 1));
        })) {
            Association as = Association.open(config(scp).build());
            AssociationAbortedException e = assertThrows(AssociationAbortedException.class,
                    () -> as.find(keys()).nextResponse());
            assertTrue(e.getMessage().contains("aborted by service-provider: unrecognized-PDU")
                    && e.getMessage().contains("waiting for C-FIND-RSP 1"), e.getMessage());
            assertEquals(2, e.source());
            assertEquals(1, e.reason());
            assertFalse(as.isOpen());
            scp.await();
        }
    }

    @Test
    void pduLongerThanOurMaximumIsAborted() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.sendRaw(new byte[] {4, 0, 0, 0x0F, 0x42, 0x40}); // P-DATA-TF of 1,000,000 bytes, none sent
            s.recordNext();
        })) {
            Association as = Association.open(config(scp).maxPduLength(4096).build());
            DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> as.find(keys())
                    .nextResponse());
            assertTrue(e.getMessage().contains("1000000") && e.getMessage().contains("4096"), e.getMessage());
            scp.await();
            assertEquals(new AAbort(2, 6), scp.recorded.get(0), "invalid-PDU-parameter-value");
        }
    }

    @Test
    void pdvOnAContextThatWasNotAcceptedIsAborted() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            byte[] cmd = CommandSet.encode(findRsp(1, 0, 0x0101));
            s.send(new PDataTf(java.util.List.of(new Pdv(7, 3, cmd, 0, cmd.length))));
            s.recordNext();
        })) {
            Association as = Association.open(config(scp).build());
            DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> as.find(keys())
                    .nextResponse());
            assertTrue(e.getMessage().contains("presentation context ID 7"), e.getMessage());
            scp.await();
            assertEquals(new AAbort(2, 6), scp.recorded.get(0));
        }
    }

    @Test
    void toleratesPendingWithoutDeclaredIdentifierAndCancelResponseWithDataSet() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.sendMessage(1, findRsp(1, 0xFF00, 0x0101), patient("DECLARED^NONE")); // DCMTK: take it
            s.sendMessage(1, findRsp(1, 0xFF01, 0x0102), patient("OTHER^VALUE"));
            DimseMessage cancel = s.readMessage();
            if (CommandSet.getUS(cancel.command(), Tag.CommandField) != 0x0FFF
                    || CommandSet.getUS(cancel.command(), Tag.MessageIDBeingRespondedTo) != 1
                    || CommandSet.getUS(cancel.command(), Tag.CommandDataSetType) != 0x0101
                    || cancel.command().contains(Tag.MessageID)) {
                throw new AssertionError("bad C-CANCEL-RQ " + cancel.command());
            }
            s.sendMessage(1, findRsp(1, 0xFF00, 0x0101), null); // in flight, truly without identifier
            s.sendMessage(1, findRsp(1, 0xFE00, 0x0000), patient("ORTHANC^STYLE"));
            s.readMessage(); // the second C-FIND
            s.sendMessage(1, findRsp(2, 0x0000, 0x0101), null);
            Pdu rq = s.readPdu();
            s.recorded().add(rq);
            s.send(new AReleaseRp());
        })) {
            Association as = Association.open(config(scp).build());
            FindQuery q = as.find(keys());
            FindResponse r1 = q.nextResponse();
            assertEquals("DECLARED^NONE", r1.identifier().getString(Tag.PatientName));
            FindResponse r2 = q.nextResponse();
            assertEquals(DimseStatus.PENDING_WARNING, r2.status().code());
            assertEquals("OTHER^VALUE", r2.identifier().getString(Tag.PatientName));
            q.cancel();
            FindResponse r3 = q.nextResponse();
            assertTrue(r3.isPending());
            assertNull(r3.identifier());
            FindResponse r4 = q.nextResponse();
            assertEquals(DimseStatus.Category.CANCEL, r4.status().category());
            assertNull(r4.identifier(), "a final response's data set is read and ignored");
            assertNull(q.nextResponse());
            FindQuery q2 = as.find(keys());
            assertEquals(2, q2.messageId());
            assertTrue(q2.nextResponse().status().isSuccess());
            as.release();
            scp.await();
            assertInstanceOf(AReleaseRq.class, scp.recorded.get(0));
        }
    }

    @Test
    void scpIgnoringCancelIsAbortedAfterTheDimseTimeout() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.sendMessage(1, findRsp(1, 0xFF00, 0), patient("A"));
            s.readMessage(); // C-CANCEL, ignored
            s.recordNext(); // the client's A-ABORT
        })) {
            Association as = Association.open(config(scp).dimseTimeout(Duration.ofMillis(600)).build());
            FindQuery q = as.find(keys());
            assertTrue(q.nextResponse().isPending());
            long t0 = System.nanoTime();
            DimseTimeoutException e = assertThrows(DimseTimeoutException.class, q::close);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 500 && ms < 3000, ms + " ms");
            assertTrue(e.getMessage().contains("after C-CANCEL"), e.getMessage());
            scp.await();
            assertEquals(new AAbort(0, 0), scp.recorded.get(0));
        }
    }

    @Test
    void messagesAreFragmentedToThePeersMaximumIncludingPdvHeaders() throws Throwable {
        int[] largest = {0};
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(64);
            int commandPdus = 0;
            boolean dataLast = false;
            while (!dataLast) {
                Pdu p = s.readPdu();
                byte[] enc = io.dicomfind.dicom.net.pdu.PduCodec.encode(p);
                largest[0] = Math.max(largest[0], enc.length - 6);
                Pdv v = ((PDataTf) p).pdvs().get(0);
                if (((PDataTf) p).pdvs().size() != 1) {
                    throw new AssertionError("one PDV per PDU expected");
                }
                if (v.command()) {
                    commandPdus++;
                } else {
                    dataLast = v.last();
                }
            }
            if (commandPdus < 2) {
                throw new AssertionError("command not fragmented");
            }
            s.sendMessage(1, findRsp(1, 0, 0x0101), null);
            s.recordNext();
            s.send(new AReleaseRp());
        })) {
            Association as = Association.open(config(scp).build());
            assertEquals(64, as.peerMaxPduLength());
            Attributes k = keys();
            k.setString(Tag.PatientID, VR.LO, "A-LONG-PATIENT-ID-TO-NEED-SEVERAL-FRAGMENTS-0123456789");
            assertTrue(as.find(k).nextResponse().status().isSuccess());
            as.release();
            scp.await();
            assertEquals(64, largest[0], "PDU length (with the 6 bytes of PDV header) reaches but never exceeds 64");
        }
    }
}
