package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileScp.concat;
import static io.dicomfind.dicom.net.hostile.HostileScp.findRsp;
import static io.dicomfind.dicom.net.hostile.HostileScp.patient;
import static io.dicomfind.dicom.net.hostile.HostileScp.pdv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.DimseTimeoutException;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.ResponseLimitExceededException;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.pdu.AAbort;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** DIMSE messages that are well framed but wrong (PS3.7 6.3, 9.1.2, 9.3.2, E.1) or hostile data sets. */
class DimseTest extends HostileTestBase {

    static byte[] cmd(Attributes c) {
        return CommandSet.encode(c);
    }

    @Test
    void commandWithoutStatus() throws Exception {
        Outcome o = expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, -1, 0x0101), null);
        }, "C-FIND-RSP without a valid Status (0000,0900)");
        assertEquals(new AAbort(0, 0), o.clientSent().get(0), "DIMSE errors: service-user abort");
    }

    @Test
    void statusZeroHiddenInTheDataSetInsteadOfTheCommand() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            Attributes data = patient("HIDDEN^STATUS");
            data.setInt(Tag.Status, VR.US, 0);
            p.sendMessage(1, findRsp(p.messageId, -1, 0x0000), data);
        }, "C-FIND-RSP without a valid Status (0000,0900)");
    }

    @Test
    void statusOfFourBytes() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            Attributes c = findRsp(p.messageId, -1, 0x0101);
            c.setInt(Tag.Status, VR.UL, 0);
            p.sendMessage(1, c, null);
        }, "without a valid Status (0000,0900)");
    }

    @Test
    void commandWithoutDataSetType() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, -1), null);
        }, "C-FIND-RSP without a valid Command Data Set Type (0000,0800)");
    }

    @Test
    void dataSetWithoutCommand() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(1, 2, DataSetWriter.toBytes(patient("NO^COMMAND"), p.ts, EncodeOptions.DEFAULT)));
        }, "received a data set fragment (PDV[ctx 1, data, last", "where a command was expected");
    }

    @Test
    void dataFragmentBeforeTheLastCommandFragment() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] c = cmd(findRsp(p.messageId, 0xFF00, 0));
            p.sendPdvs(new io.dicomfind.dicom.net.pdu.Pdv(1, 1, c, 0, 12), pdv(1, 2, new byte[8]));
        }, "data set fragment before the last command fragment");
    }

    @Test
    void commandFragmentWhereTheDataSetWasAnnounced() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(1, 3, cmd(findRsp(p.messageId, 0xFF00, 0x0001))));
            p.sendPdvs(pdv(1, 3, cmd(findRsp(p.messageId, 0, 0x0101))));
        }, "command fragment where a data set fragment was expected");
    }

    @Test
    void wrongMessageIdBeingRespondedTo() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId + 41, 0xFF00, 0), patient("SOMEONE^ELSE"));
        }, "C-FIND-RSP answers message ID 42 but our request had message ID 1");
    }

    @Test
    void responseOfAnotherService() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            Attributes c = findRsp(p.messageId, 0, 0x0101);
            c.setInt(Tag.CommandField, VR.US, 0x8001);
            p.sendMessage(1, c, null);
        }, "expected C-FIND-RSP 1 (message ID 1) but received C-STORE-RSP");
    }

    @Test
    void responseOnAnotherAcceptedPresentationContext() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendMessage(3, findRsp(p.messageId, 0, 0x0101), null);
        }, config().abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND, SopClasses.STUDY_ROOT_FIND).build(),
                FIND, "C-FIND-RSP arrived on presentation context 3 but the request was sent on 1");
    }

    @Test
    void messageSwitchingPresentationContextMidway() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] c = cmd(findRsp(p.messageId, 0, 0x0101));
            p.sendPdvs(new io.dicomfind.dicom.net.pdu.Pdv(1, 1, c, 0, 12),
                    new io.dicomfind.dicom.net.pdu.Pdv(3, 3, c, 12, c.length - 12));
        }, config().abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND, SopClasses.STUDY_ROOT_FIND).build(),
                FIND, "message started on presentation context 1 continues on 3");
    }

    @Test
    void echoAnsweredWithAFindResponse() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind(); // the C-ECHO-RQ
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        }, config().abstractSyntaxes(SopClasses.VERIFICATION).build(), c -> {
            try (Association as = Association.open(c)) {
                as.echo();
            }
        }, "expected C-ECHO-RSP (message ID 1) but received C-FIND-RSP");
    }

    @Test
    void malformedCommandSet() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(1, 3, new byte[] {0, 0, 0, 0, (byte) 0xF0, 0, 0, 0, 1, 2, 3, 4}));
        }, "malformed command set: ");
    }

    @Test
    void commandSetWithANonCommandElement() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] c = concat(cmd(findRsp(p.messageId, 0, 0x0101)),
                    new byte[] {0x10, 0, 0x10, 0, 4, 0, 0, 0, 'A', 'B', '^', 'C'});
            p.sendPdvs(pdv(1, 3, c));
        }, "command set: element (0010,0010) is not in the command group 0000");
    }

    @Test
    void commandSetThatNeverEnds() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            byte[] junk = new byte[16000];
            for (int i = 0; i < 10; i++) {
                p.sendPdvs(pdv(1, 1, junk)); // command, never "last"
            }
        }, "command set longer than 65536 bytes");
    }

    /** Regression (-Xmx64m): the data set bound used to be 256 MiB, so a peer could exhaust a small heap. */
    @Test
    void dataSetThatNeverEnds() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendPdvs(pdv(1, 3, cmd(findRsp(p.messageId, 0xFF00, 0x0000))));
            byte[] fragment = new byte[(int) p.clientMaxPdu - 6];
            while (true) {
                p.sendPdvs(pdv(1, 0, fragment)); // data, never "last", until the client gives up
            }
        }, "data set longer than the 16777216 bytes we accept");
    }

    @Test
    void undecodableIdentifier() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000),
                    new byte[] {0x10, 0, 0x10, 0, 'Z', 'Z', 2, 0, 'A', 'B'});
        }, "identifier of C-FIND-RSP 1 (message ID 1) cannot be decoded in ", "unknown VR 'ZZ' at (0010,0010)");
    }

    @Test
    void sequencesNestedTenThousandLevels() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] open = {0x40, 0, 0, 0x01, 'S', 'Q', 0, 0, -1, -1, -1, -1, -2, -1, 0, -32, -1, -1, -1, -1};
            byte[] close = {-2, -1, 0x0D, -32, 0, 0, 0, 0, -2, -1, -35, -32, 0, 0, 0, 0};
            for (int i = 0; i < 10_000; i++) {
                b.writeBytes(open);
            }
            for (int i = 0; i < 10_000; i++) {
                b.writeBytes(close);
            }
            p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000), b.toByteArray());
        }, "sequences nested deeper than the limit of 64 at (0040,0100)");
    }

    @Test
    void elementClaimingTwoGigabytes() throws Exception {
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000),
                    new byte[] {0x11, 0, 0x10, 0x10, 'U', 'N', 0, 0, 0, 0, 0, (byte) 0x80, 1, 2, 3, 4});
        }, "value length 2147483648 exceeds the limit of 16777216 bytes at (0011,1010)");
    }

    /** Regression (-Xmx64m): a deflated item inflating to 100 MiB was only measured after the whole item. */
    @Test
    void deflateBombInsideASequenceItem() throws Exception {
        // compressed before the clock starts: deflating 100 MiB takes longer than the 1 s DIMSE timeout on a busy box
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(9, true);
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, deflater)) {
            d.write(new byte[] {0x40, 0, 0, 0x01, 'S', 'Q', 0, 0, -1, -1, -1, -1, -2, -1, 0, -32, -1, -1, -1, -1});
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                d.write(new byte[] {0x09, 0, (byte) i, 0x10, 'O', 'B', 0, 0, 0, 0, 0x10, 0});
                d.write(mib);
            }
            d.write(new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0, -2, -1, -35, -32, 0, 0, 0, 0});
        } finally {
            deflater.end();
        }
        byte[] bomb = (z.size() & 1) != 0 ? java.util.Arrays.copyOf(z.toByteArray(), z.size() + 1) : z.toByteArray();
        expect(DicomProtocolException.class, p -> {
            p.acceptAndReadFind();
            p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000), bomb);
        }, config().proposal(TransferSyntaxProposal.DEFLATED).build(), FIND,
                "cannot be decoded in ", "data set longer than the limit of 16777216 bytes");
    }

    /** The guard chosen against endless Pendings: maxResponses (the DIMSE timeout restarts per response). */
    @Test
    void pendingResponsesForeverWithoutFinalStatus() throws Exception {
        Outcome o = expect(ResponseLimitExceededException.class, p -> {
            p.acceptAndReadFind();
            Attributes match = patient("AGAIN^AND^AGAIN");
            while (true) {
                p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), match);
            }
        }, config().maxResponses(50).build(), FIND,
                "waiting for C-FIND-RSP 51 (message ID 1): more than 50 Pending responses without a final status "
                        + "(maximum responses 50); association aborted");
        assertTrue(o.clientSent().contains(new AAbort(0, 0)), "" + o.clientSent());
    }

    /** Regression: Pendings kept restarting the timer after a C-CANCEL, so an SCP ignoring it was never aborted. */
    @Test
    void pendingResponsesForeverIgnoringTheCancel() throws Exception {
        expect(DimseTimeoutException.class, p -> {
            p.acceptAndReadFind();
            Attributes match = patient("IGNORES^CANCEL");
            while (true) {
                p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), match);
                Thread.sleep(100);
            }
        }, config().build(), c -> {
            try (Association as = Association.open(c);
                    FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys())) {
                q.nextResponse();
                q.cancel();
                while (q.nextResponse() != null) {
                    // the SCP never stops
                }
            }
        }, "after C-CANCEL (final status due within 1 s of it): no response within the DIMSE timeout of 1 s");
    }

    // ---------------------------------------------------------------- tolerated

    @Test
    void finalStatusBeforeAnyMatch() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.serveGood();
        }, config().build(), c -> {
            List<FindResponse> all = findAll(c);
            assertEquals(1, all.size());
            assertTrue(all.get(0).status().isSuccess());
        });
    }

    @Test
    void unknownStatusCodeEndsTheQueryAsAFailure() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0x1234, 0x0101), null);
            p.serveGood();
        }, config().build(), c -> {
            List<FindResponse> all = findAll(c);
            assertEquals(1, all.size());
            assertEquals(DimseStatus.Category.FAILURE, all.get(0).status().category());
        });
    }

    @Test
    void invalidIso2022EscapesDecodeWithoutFailing() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            Attributes data = new Attributes();
            data.set(Tag.SpecificCharacterSet, VR.CS, Raw.ascii("ISO 2022 IR 87"));
            // ESC $ B then an odd number of bytes, a lone ESC, an unknown escape ESC ( Z
            data.set(Tag.PatientName, VR.PN, new byte[] {'A', 'B', 'C', 0x1B, '$', 'B', 0x30, 0x1B, 0x1B, '(',
                    'Z', 'x', 0x1B, '(', 'B', 'Z'});
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), data);
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.serveGood();
        }, config().build(), c -> {
            String name = findAll(c).get(0).identifier().getString(Tag.PatientName);
            assertTrue(name.startsWith("ABC") && name.endsWith("Z"), name);
        });
    }

    @Test
    void unknownCharacterSetTermDecodesWithoutFailing() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            Attributes data = new Attributes();
            data.set(Tag.SpecificCharacterSet, VR.CS, Raw.ascii("ISO_IR 999\\NO SUCH"));
            data.set(Tag.PatientName, VR.PN, new byte[] {'A', 'B', (byte) 0xE9, 'C'});
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), data);
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            p.serveGood();
        }, config().build(), c -> {
            String name = findAll(c).get(0).identifier().getString(Tag.PatientName);
            assertTrue(name.startsWith("AB") && name.endsWith("C"), name);
        });
    }

    @Test
    void successWithADataSetHasItIgnored() throws Exception {
        tolerate(p -> {
            p.acceptAndReadFind();
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0000), patient("IGNORED"));
            p.serveGood();
        }, config().build(), c -> {
            List<FindResponse> all = findAll(c);
            assertEquals(1, all.size());
            assertNull(all.get(0).identifier());
        });
    }
}
