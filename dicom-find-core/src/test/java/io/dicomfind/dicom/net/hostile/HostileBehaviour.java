package io.dicomfind.dicom.net.hostile;

import static io.dicomfind.dicom.net.hostile.HostileScp.concat;
import static io.dicomfind.dicom.net.hostile.HostileScp.findRsp;
import static io.dicomfind.dicom.net.hostile.HostileScp.patient;
import static io.dicomfind.dicom.net.hostile.HostileScp.pduHeader;
import static io.dicomfind.dicom.net.hostile.HostileScp.pdv;
import static io.dicomfind.dicom.net.hostile.Raw.ac;
import static io.dicomfind.dicom.net.hostile.Raw.appContext;
import static io.dicomfind.dicom.net.hostile.Raw.ascii;
import static io.dicomfind.dicom.net.hostile.Raw.item;
import static io.dicomfind.dicom.net.hostile.Raw.maxLength;
import static io.dicomfind.dicom.net.hostile.Raw.pcAc;
import static io.dicomfind.dicom.net.hostile.Raw.pdata;
import static io.dicomfind.dicom.net.hostile.Raw.pdvItem;
import static io.dicomfind.dicom.net.hostile.Raw.successCommand;
import static io.dicomfind.dicom.net.hostile.Raw.userInfo;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.net.AcseTimeoutException;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.DimseTimeoutException;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.ReleaseRequestedByPeerException;
import io.dicomfind.dicom.net.ResponseLimitExceededException;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AAssociateRj;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Every misbehaviour of the hostile-peer suite, with what the SCU core must do about it: the exception type and the
 * message fragments it must carry (null type: the client tolerates it). The core tests ({@code AssociationPhaseTest}
 * ...) run each through {@code HostileTestBase}; the Camel and CLI suites run the same list through a route and
 * through findscu. {@link #number()} is the row in docs/robustness.md.
 *
 * <p>{@link Client} says what the client must do for the behaviour to bite (a plain C-FIND, a C-CANCEL after the
 * first response, a C-ECHO ...), so that each level can map it onto its own options.
 */
public enum HostileBehaviour {
    // ---------------------------------------------------------------- association phase (PS3.8 9.3.2-9.3.4)
    GARBAGE_INSTEAD_OF_A_PDU(1, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
    }, "waiting for A-ASSOCIATE-AC", "received unrecognized PDU type 0x48"),
    UNKNOWN_PDU_TYPE(2, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(concat(pduHeader(0x09, 4), new byte[4]));
    }, "received unrecognized PDU type 0x09 (length 4)"),
    CONNECTION_CLOSED_INSTEAD_OF_ANSWER(3, Client.FIND, DicomNetworkException.class, p -> {
        p.readRq();
        p.close();
    }, "connection closed by peer instead of answering the A-ASSOCIATE-RQ"),
    NO_ANSWER_AT_ALL(4, Client.FIND, AcseTimeoutException.class, p -> p.readRq(),
            "waiting for A-ASSOCIATE-AC: no answer within the ACSE timeout of 1 s"),
    REJECT_WITH_UNKNOWN_RESULT_SOURCE_AND_REASON(5, Client.FIND, AssociationRejectedException.class, p -> {
        p.readRq();
        p.send(new AAssociateRj(9, 7, 99));
    }, "association rejected by", "rejected (unknown result 9) by unknown source 7: reserved reason 99"),
    ABORT_INSTEAD_OF_ANSWER(6, Client.FIND, AssociationAbortedException.class, p -> {
        p.readRq();
        p.send(new AAbort(2, 0));
    }, "waiting for A-ASSOCIATE-AC: association aborted by service-provider: reason-not-specified"),
    ACCEPT_WITH_PDU_LENGTH_ZERO(7, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(pduHeader(2, 0));
    }, "A-ASSOCIATE-AC with PDU length 0 (the fixed fields alone take 68 bytes)"),
    ACCEPT_WITH_PDU_LENGTH_SMALLER_THAN_ITS_CONTENT(8, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        byte[] lying = Raw.goodAc().clone();
        System.arraycopy(pduHeader(2, 74), 0, lying, 0, 6); // 68 fixed + 6 bytes of the first item
        p.sendRaw(lying);
    }, "A-ASSOCIATE-AC: item type 0x10 declares length 21 but only 2 bytes remain"),
    ACCEPT_WITH_PDU_LENGTH_LARGER_THAN_THE_STREAM(9, Client.FIND, DicomNetworkException.class, p -> {
        p.readRq();
        byte[] ac = Raw.goodAc();
        System.arraycopy(pduHeader(2, ac.length - 6 + 1000), 0, ac, 0, 6);
        p.sendRaw(ac);
        p.close();
    }, "connection closed by peer inside a PDU"),
    ACCEPT_WITH_PDU_LENGTH_FFFFFFFF(10, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(pduHeader(2, 0xFFFFFFFFL));
    }, "A-ASSOCIATE-AC declares PDU length 4294967295, more than the 65536 bytes we accept"),
    ITEM_LENGTH_RUNNING_PAST_THE_PDU(11, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), item(0x21, 0xFFFF, new byte[] {1, 0, 0, 0})));
    }, "item type 0x21 declares length 65535 but only 4 bytes remain"),
    ACCEPT_WITHOUT_ANY_ACCEPTED_CONTEXT(12, Client.FIND, NoPresentationContextException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 3, null), Raw.userInfo()));
        p.serveGood(); // answers the client's release
    }, "accepted the association but none of the proposed presentation contexts", "abstract-syntax-not-supported"),
    ACCEPT_ANSWERING_ONLY_A_CONTEXT_THAT_WAS_NOT_PROPOSED(13, Client.FIND, NoPresentationContextException.class,
            p -> {
                p.readRq();
                p.sendRaw(ac(appContext(), pcAc(5, 0, Raw.EXPLICIT_LE), Raw.userInfo()));
                p.serveGood();
            }, "none of the proposed presentation contexts"),
    ACCEPT_WITH_A_TRANSFER_SYNTAX_THAT_WAS_NOT_PROPOSED(14, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 0, "1.2.840.10008.1.2.4.50"), Raw.userInfo()));
    }, "presentation context 1 accepted with transfer syntax 1.2.840.10008.1.2.4.50, which we did not propose"),
    ACCEPTED_CONTEXT_WITHOUT_TRANSFER_SYNTAX(15, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 0, null), Raw.userInfo()));
    }, "accepted presentation context 1 names no transfer syntax"),
    ACCEPT_WITHOUT_USER_INFORMATION(16, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 0, Raw.EXPLICIT_LE)));
    }, "A-ASSOCIATE-AC without User Information item"),
    /** Defined: below 8 bytes no P-DATA-TF can carry a fragment, so the association is aborted at once. */
    ACCEPT_WITH_MAXIMUM_PDU_LENGTH_OF_ONE_BYTE(17, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 0, Raw.EXPLICIT_LE), userInfo(maxLength(1))));
    }, "A-ASSOCIATE-AC declares a maximum PDU length of 1 bytes, too small for any P-DATA-TF (at least 8"),
    MAXIMUM_LENGTH_SUB_ITEM_OF_WRONG_SIZE(18, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 0, Raw.EXPLICIT_LE), userInfo(item(0x51, new byte[2]))));
    }, "maximum length sub-item of length 2 (must be 4)"),
    THEIR_OWN_ASSOCIATE_REQUEST_INSTEAD_OF_AN_ANSWER(19, Client.FIND, DicomProtocolException.class,
            p -> p.send(p.readRq()), "waiting for A-ASSOCIATE-AC: unexpected A-ASSOCIATE-RQ"),
    DATA_BEFORE_THE_ANSWER(20, Client.FIND, DicomProtocolException.class, p -> {
        p.readRq();
        p.sendPdvs(pdv(1, 3, new byte[8]));
    }, "unexpected P-DATA-TF"),
    CONNECTION_RESET_INSTEAD_OF_ANSWER(21, Client.FIND, DicomNetworkException.class, p -> {
        p.readRq();
        p.reset();
    }, "waiting for A-ASSOCIATE-AC", "Connection reset"),
    ANSWER_TRUNCATED_THEN_SILENCE(22, Client.FIND, AcseTimeoutException.class, p -> {
        p.readRq();
        p.sendRaw(Arrays.copyOf(Raw.goodAc(), 40));
    }, "no answer within the ACSE timeout of 1 s"),
    ANSWER_AT_ONE_BYTE_PER_SECOND(23, Client.FIND, AcseTimeoutException.class, p -> {
        p.readRq();
        p.trickle(Raw.goodAc(), 1000);
    }, "waiting for A-ASSOCIATE-AC: no answer within the ACSE timeout of 1 s"),
    /** PS3.8 9.3.1: unknown items are ignored. */
    UNKNOWN_ITEMS_AND_SUB_ITEMS(24, Client.FIND, null, p -> {
        p.readRq();
        p.sendRaw(ac(item(0x99, ascii("odd item")), appContext(), pcAc(1, 0, Raw.EXPLICIT_LE),
                item(0x5A, new byte[0]),
                userInfo(item(0x5F, ascii("unknown sub-item")), maxLength(16384),
                        item(0x52, ascii("1.2.3")), item(0x53, new byte[] {0, 1, 0, 1}))));
        p.serveGood();
    }),
    /** Only one application context exists (PS3.7 A.2.1); another name is logged and the association used. */
    DIFFERENT_APPLICATION_CONTEXT(25, Client.FIND, null, p -> {
        p.readRq();
        p.sendRaw(ac(appContext("1.2.3.4.5.6"), pcAc(1, 0, Raw.EXPLICIT_LE), Raw.userInfo()));
        p.serveGood();
    }),
    MAXIMUM_PDU_LENGTH_FFFFFFFF(26, Client.FIND, null, p -> {
        p.readRq();
        p.sendRaw(ac(appContext(), pcAc(1, 0, Raw.EXPLICIT_LE), userInfo(maxLength(0xFFFFFFFFL))));
        p.serveGood();
    }),

    // ---------------------------------------------------------------- Upper Layer framing (PS3.8 9.3.1, 9.3.5, E)
    GARBAGE_INSTEAD_OF_P_DATA(27, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(ascii("GARBAGE GARBAGE GARBAGE"));
    }, "waiting for C-FIND-RSP 1 (message ID 1)", "received unrecognized PDU type 0x47"),
    /** PDU length 0 is also a P-DATA-TF with zero PDVs. */
    P_DATA_WITH_LENGTH_ZERO_AND_NO_PDV(28, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(pduHeader(4, 0));
    }, "P-DATA-TF without any PDV item"),
    P_DATA_WITH_LENGTH_FFFFFFFF(29, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(pduHeader(4, 0xFFFFFFFFL));
    }, "P-DATA-TF declares PDU length 4294967295, more than the 16384 bytes we accept (our maximum receive PDU "
            + "length)"),
    P_DATA_LONGER_THAN_THE_STREAM(30, Client.FIND, DicomNetworkException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = successCommand(p.messageId);
        p.sendRaw(concat(pduHeader(4, cmd.length + 6 + 100), pdvItem(cmd.length + 2, 1, 3, cmd)));
        p.close();
    }, "connection closed by peer inside a PDU", "of P-DATA-TF"),
    P_DATA_SHORTER_THAN_ITS_PDV(31, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = successCommand(p.messageId);
        p.sendRaw(concat(pduHeader(4, 20), pdvItem(cmd.length + 2, 1, 3, cmd))); // the PDU ends inside its PDV
    }, "P-DATA-TF: PDV item 1 declares length " + (successCommand(1).length + 2) + " but 16 bytes remain"),
    PDV_LENGTH_TWO_BYTES_SHORT_OF_ITS_PDU(32, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = successCommand(p.messageId);
        p.sendRaw(pdata(pdvItem(cmd.length, 1, 3, cmd)));
    }, "P-DATA-TF: 2 trailing bytes after PDV item 1 cannot hold a PDV item header"),
    PDV_LENGTH_BELOW_TWO(33, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(pdata(pdvItem(1, 1, 3, new byte[4])));
    }, "PDV item 1 declares length 1"),
    ODD_FRAGMENT(34, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = successCommand(p.messageId);
        p.sendPdvs(new Pdv(1, 3, cmd, 0, cmd.length - 1));
    }, "fragments must have even length"),
    PDV_FOR_AN_UNKNOWN_PRESENTATION_CONTEXT(35, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(7, 3, successCommand(p.messageId)));
    }, "for presentation context ID 7, which was not accepted on this association"),
    ABORT_PDU_WITH_LENGTH_ZERO(36, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(pduHeader(7, 0));
    }, "A-ABORT with PDU length 0 (must be 4)"),
    RELEASE_RESPONSE_WITH_LENGTH_BEYOND_THE_CAP(37, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(pduHeader(6, 70_000));
    }, "A-RELEASE-RP declares PDU length 70000, more than the 65536 bytes we accept"),
    CONNECTION_RESET_MID_PDU(38, Client.FIND, DicomNetworkException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = successCommand(p.messageId);
        p.sendRaw(Arrays.copyOf(pdata(pdvItem(cmd.length + 2, 1, 3, cmd)), 20));
        Thread.sleep(100); // let the half PDU arrive first
        p.reset();
    }, "waiting for C-FIND-RSP 1", "Connection reset"),
    CONNECTION_CLOSED_MID_PDU(39, Client.FIND, DicomNetworkException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = successCommand(p.messageId);
        p.sendRaw(Arrays.copyOf(pdata(pdvItem(cmd.length + 2, 1, 3, cmd)), 20));
        p.close();
    }, "connection closed by peer inside a PDU (14 of " + (successCommand(1).length + 6) + " bytes of P-DATA-TF)"),
    CONNECTION_CLOSED_AFTER_THE_REQUEST(40, Client.FIND, DicomNetworkException.class, p -> {
        p.acceptAndReadFind();
        p.close();
    }, "waiting for C-FIND-RSP 1 (message ID 1): connection closed by peer (A-P-ABORT)"),
    SECOND_ASSOCIATE_ACCEPT_DURING_FIND(41, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(Raw.goodAc());
    }, "waiting for C-FIND-RSP 1 (message ID 1): unexpected A-ASSOCIATE-AC"),
    ASSOCIATE_REJECT_DURING_FIND(42, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.send(new AAssociateRj(1, 1, 1));
    }, "unexpected A-ASSOCIATE-RJ"),
    UNSOLICITED_RELEASE_RESPONSE_DURING_FIND(43, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.send(new AReleaseRp());
    }, "unexpected A-RELEASE-RP"),
    /** PS3.8 E.2: reserved bits are not tested. One match "BITS^SET", then Success. */
    RESERVED_CONTROL_HEADER_BITS(44, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000));
        byte[] data = DataSetWriter.toBytes(patient("BITS^SET"), p.ts, EncodeOptions.DEFAULT);
        p.sendPdvs(pdv(1, 0xFF, cmd)); // command + last, with bits 2-7 set
        p.sendPdvs(pdv(1, 0xFE, data)); // data + last
        p.sendPdvs(pdv(1, 0x07, successCommand(p.messageId)));
        p.serveGood();
    }),
    /** PS3.8 9.3.5: any number of PDVs per PDU. One match "TINY^PIECES", then Success. */
    COMMAND_AND_DATA_IN_ONE_PDU_SPLIT_INTO_TWO_BYTE_FRAGMENTS(45, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000));
        byte[] data = DataSetWriter.toBytes(patient("TINY^PIECES"), p.ts, EncodeOptions.DEFAULT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < cmd.length; i += 2) {
            body.writeBytes(pdvItem(4, 1, 1 | (i + 2 == cmd.length ? 2 : 0), Arrays.copyOfRange(cmd, i, i + 2)));
        }
        for (int i = 0; i < data.length; i += 2) {
            body.writeBytes(pdvItem(4, 1, i + 2 == data.length ? 2 : 0, Arrays.copyOfRange(data, i, i + 2)));
        }
        p.sendRaw(pdata(body.toByteArray()));
        p.sendPdvs(pdv(1, 3, successCommand(p.messageId)));
        p.serveGood();
    }),

    // ---------------------------------------------------------------- DIMSE (PS3.7 6.3, 9.1.2, 9.3.2, E.1)
    COMMAND_WITHOUT_STATUS(46, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, -1, 0x0101), null);
    }, "C-FIND-RSP without a valid Status (0000,0900)"),
    STATUS_ZERO_HIDDEN_IN_THE_DATA_SET_INSTEAD_OF_THE_COMMAND(47, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        Attributes data = patient("HIDDEN^STATUS");
        data.setInt(Tag.Status, VR.US, 0);
        p.sendMessage(1, findRsp(p.messageId, -1, 0x0000), data);
    }, "C-FIND-RSP without a valid Status (0000,0900)"),
    STATUS_OF_FOUR_BYTES(48, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        Attributes c = findRsp(p.messageId, -1, 0x0101);
        c.setInt(Tag.Status, VR.UL, 0);
        p.sendMessage(1, c, null);
    }, "without a valid Status (0000,0900)"),
    COMMAND_WITHOUT_DATA_SET_TYPE(49, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, -1), null);
    }, "C-FIND-RSP without a valid Command Data Set Type (0000,0800)"),
    DATA_SET_WITHOUT_COMMAND(50, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(1, 2, DataSetWriter.toBytes(patient("NO^COMMAND"), p.ts, EncodeOptions.DEFAULT)));
    }, "received a data set fragment (PDV[ctx 1, data, last", "where a command was expected"),
    DATA_FRAGMENT_BEFORE_THE_LAST_COMMAND_FRAGMENT(51, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] c = CommandSet.encode(findRsp(p.messageId, 0xFF00, 0));
        p.sendPdvs(new Pdv(1, 1, c, 0, 12), pdv(1, 2, new byte[8]));
    }, "data set fragment before the last command fragment"),
    COMMAND_FRAGMENT_WHERE_THE_DATA_SET_WAS_ANNOUNCED(52, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0001))));
        p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0, 0x0101))));
    }, "command fragment where a data set fragment was expected"),
    WRONG_MESSAGE_ID_BEING_RESPONDED_TO(53, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId + 41, 0xFF00, 0), patient("SOMEONE^ELSE"));
    }, "C-FIND-RSP answers message ID 42 but our request had message ID 1"),
    RESPONSE_OF_ANOTHER_SERVICE(54, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        Attributes c = findRsp(p.messageId, 0, 0x0101);
        c.setInt(Tag.CommandField, VR.US, 0x8001);
        p.sendMessage(1, c, null);
    }, "expected C-FIND-RSP 1 (message ID 1) but received C-STORE-RSP"),
    /** Needs a second accepted context (3): the client proposes two abstract syntaxes. */
    RESPONSE_ON_ANOTHER_ACCEPTED_PRESENTATION_CONTEXT(55, Client.FIND_TWO_CONTEXTS, DicomProtocolException.class,
            p -> {
                p.acceptAndReadFind();
                p.sendMessage(3, findRsp(p.messageId, 0, 0x0101), null);
            }, "C-FIND-RSP arrived on presentation context 3 but the request was sent on 1"),
    MESSAGE_SWITCHING_PRESENTATION_CONTEXT_MIDWAY(56, Client.FIND_TWO_CONTEXTS, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] c = CommandSet.encode(findRsp(p.messageId, 0, 0x0101));
        p.sendPdvs(new Pdv(1, 1, c, 0, 12), new Pdv(3, 3, c, 12, c.length - 12));
    }, "message started on presentation context 1 continues on 3"),
    ECHO_ANSWERED_WITH_A_FIND_RESPONSE(57, Client.ECHO, DicomProtocolException.class, p -> {
        p.acceptAndReadFind(); // the C-ECHO-RQ
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
    }, "expected C-ECHO-RSP (message ID 1) but received C-FIND-RSP"),
    MALFORMED_COMMAND_SET(58, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(1, 3, new byte[] {0, 0, 0, 0, (byte) 0xF0, 0, 0, 0, 1, 2, 3, 4}));
    }, "malformed command set: "),
    COMMAND_SET_WITH_A_NON_COMMAND_ELEMENT(59, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] c = concat(CommandSet.encode(findRsp(p.messageId, 0, 0x0101)),
                new byte[] {0x10, 0, 0x10, 0, 4, 0, 0, 0, 'A', 'B', '^', 'C'});
        p.sendPdvs(pdv(1, 3, c));
    }, "command set: element (0010,0010) is not in the command group 0000"),
    COMMAND_SET_THAT_NEVER_ENDS(60, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        byte[] junk = new byte[16000];
        for (int i = 0; i < 10; i++) {
            p.sendPdvs(pdv(1, 1, junk)); // command, never "last"
        }
    }, "command set longer than 65536 bytes"),
    /** Regression (-Xmx64m): the data set bound used to be 256 MiB, so a peer could exhaust a small heap. */
    DATA_SET_THAT_NEVER_ENDS(61, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000))));
        byte[] fragment = new byte[(int) p.clientMaxPdu - 6];
        while (true) {
            p.sendPdvs(pdv(1, 0, fragment)); // data, never "last", until the client gives up
        }
    }, "data set longer than the 16777216 bytes we accept"),
    UNDECODABLE_IDENTIFIER(62, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000),
                new byte[] {0x10, 0, 0x10, 0, 'Z', 'Z', 2, 0, 'A', 'B'});
    }, "identifier of C-FIND-RSP 1 (message ID 1) cannot be decoded in ", "unknown VR 'ZZ' at (0010,0010)"),
    SEQUENCES_NESTED_TEN_THOUSAND_LEVELS(63, Client.FIND, DicomProtocolException.class, p -> {
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
    }, "sequences nested deeper than the limit of 64 at (0040,0100)"),
    ELEMENT_CLAIMING_TWO_GIGABYTES(64, Client.FIND, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000),
                new byte[] {0x11, 0, 0x10, 0x10, 'U', 'N', 0, 0, 0, 0, 0, (byte) 0x80, 1, 2, 3, 4});
    }, "value length 2147483648 exceeds the limit of 16777216 bytes at (0011,1010)"),
    /**
     * Regression (-Xmx64m): a deflated item inflating to 100 MiB was only measured after the whole item. Needs the
     * deflated transfer syntax proposed; the bomb is built by {@link #prepare()}, before the clock starts.
     */
    DEFLATE_BOMB_INSIDE_A_SEQUENCE_ITEM(65, Client.FIND_DEFLATED, DicomProtocolException.class, p -> {
        p.acceptAndReadFind();
        p.sendEncoded(1, findRsp(p.messageId, 0xFF00, 0x0000), Raw.deflateBomb());
    }, "cannot be decoded in ", "data set longer than the limit of 16777216 bytes"),
    /** The core's guard against endless Pendings: maxResponses (the DIMSE timeout restarts per response). */
    PENDING_RESPONSES_FOREVER_WITHOUT_FINAL_STATUS(66, Client.FIND_MAX_RESPONSES_50,
            ResponseLimitExceededException.class, p -> {
                p.acceptAndReadFind();
                Attributes match = patient("AGAIN^AND^AGAIN");
                while (true) {
                    p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), match);
                }
            }, "waiting for C-FIND-RSP 51 (message ID 1): more than 50 Pending responses without a final status "
                    + "(maximum responses 50); association aborted"),
    /** Regression: Pendings kept restarting the timer after a C-CANCEL, so an SCP ignoring it was never aborted. */
    PENDING_RESPONSES_FOREVER_IGNORING_THE_CANCEL(67, Client.CANCEL_AFTER_FIRST, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        Attributes match = patient("IGNORES^CANCEL");
        while (true) {
            p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), match);
            Thread.sleep(100);
        }
    }, "after C-CANCEL (final status due within 1 s of it): no response within the DIMSE timeout of 1 s"),
    /** Success and no match. */
    FINAL_STATUS_BEFORE_ANY_MATCH(68, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.serveGood();
    }),
    /** PS3.7 C: an unknown status is a final response of category FAILURE. */
    UNKNOWN_STATUS_CODE(69, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0x1234, 0x0101), null);
        p.serveGood();
    }),
    /** One match whose Patient's Name starts with "ABC" and ends with "Z", then Success. */
    INVALID_ISO_2022_ESCAPES(70, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        Attributes data = new Attributes();
        data.set(Tag.SpecificCharacterSet, VR.CS, ascii("ISO 2022 IR 87"));
        // ESC $ B then an odd number of bytes, a lone ESC, an unknown escape ESC ( Z
        data.set(Tag.PatientName, VR.PN, new byte[] {'A', 'B', 'C', 0x1B, '$', 'B', 0x30, 0x1B, 0x1B, '(',
                'Z', 'x', 0x1B, '(', 'B', 'Z'});
        p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), data);
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.serveGood();
    }),
    /** One match whose Patient's Name starts with "AB" and ends with "C", then Success. */
    UNKNOWN_CHARACTER_SET_TERM(71, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        Attributes data = new Attributes();
        data.set(Tag.SpecificCharacterSet, VR.CS, ascii("ISO_IR 999\\NO SUCH"));
        data.set(Tag.PatientName, VR.PN, new byte[] {'A', 'B', (byte) 0xE9, 'C'});
        p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), data);
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.serveGood();
    }),
    /** Success and no match: the data set is ignored. */
    SUCCESS_WITH_A_DATA_SET(72, Client.FIND, null, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0000), patient("IGNORED"));
        p.serveGood();
    }),

    // ---------------------------------------------------------------- stalls and slow peers (PS3.8 9.1.4)
    NO_RESPONSE_TO_THE_FIND(73, Client.FIND, DimseTimeoutException.class, p -> p.acceptAndReadFind(),
            "waiting for C-FIND-RSP 1 (message ID 1): no response within the DIMSE timeout of 1 s; "
                    + "association aborted"),
    STALL_INSIDE_A_PDU_HEADER(74, Client.FIND, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        p.sendRaw(new byte[] {4, 0, 0});
    }, "no response within the DIMSE timeout of 1 s"),
    STALL_AFTER_THE_COMMAND_OF_A_MATCH(75, Client.FIND, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000))));
    }, "waiting for C-FIND-RSP 1", "no response within the DIMSE timeout of 1 s"),
    STALL_BETWEEN_PENDING_RESPONSES(76, Client.FIND, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
    }, "waiting for C-FIND-RSP 2 (message ID 1): no response within the DIMSE timeout of 1 s"),
    STALL_AFTER_THE_CANCEL(77, Client.CANCEL_AFTER_FIRST, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
    }, "waiting for C-FIND-RSP 2 (message ID 1) after C-CANCEL", "no response within the DIMSE timeout"),
    NO_RELEASE_RESPONSE(78, Client.FIND_THEN_RELEASE, AcseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.readPdu(); // A-RELEASE-RQ, never answered
    }, "waiting for A-RELEASE-RP: no answer within the ACSE timeout of 1 s"),
    DATA_INSTEAD_OF_RELEASE_RESPONSE_FOREVER(79, Client.FIND_THEN_RELEASE, AcseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        if (!(p.readPdu() instanceof AReleaseRq)) {
            throw new AssertionError("expected A-RELEASE-RQ");
        }
        while (true) {
            p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
            Thread.sleep(50);
        }
    }, "waiting for A-RELEASE-RP: no answer within the ACSE timeout"),
    RESPONSE_AT_ONE_BYTE_PER_SECOND(80, Client.FIND, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0, 0x0101));
        p.trickle(concat(pduHeader(4, cmd.length + 6), new byte[] {0, 0, 0, (byte) (cmd.length + 2), 1, 3}, cmd),
                1000);
    }, "waiting for C-FIND-RSP 1 (message ID 1): no response within the DIMSE timeout of 1 s"),
    /** Each byte comes faster than the socket timeout, so only the DIMSE timer (whole message) can end it. */
    RESPONSE_AT_ONE_BYTE_PER_HUNDRED_MILLISECONDS(81, Client.FIND, DimseTimeoutException.class, p -> {
        p.acceptAndReadFind();
        byte[] cmd = CommandSet.encode(findRsp(p.messageId, 0, 0x0101));
        p.trickle(concat(pduHeader(4, cmd.length + 6), new byte[] {0, 0, 0, (byte) (cmd.length + 2), 1, 3}, cmd),
                100);
    }, "no response within the DIMSE timeout of 1 s"),

    // ---------------------------------------------------------------- release and abort (PS3.8 7.2, 7.3, 9.2)
    ABORT_BEFORE_ANY_RESPONSE(82, Client.FIND, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.send(new AAbort(0, 0));
    }, "waiting for C-FIND-RSP 1 (message ID 1): association aborted by service-user"),
    ABORT_BETWEEN_PENDING_RESPONSES(83, Client.FIND, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
        p.send(new AAbort(2, 2));
    }, "waiting for C-FIND-RSP 2 (message ID 1): association aborted by service-provider: unexpected-PDU"),
    ABORT_BETWEEN_COMMAND_AND_DATA_SET(84, Client.FIND, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.sendPdvs(pdv(1, 3, CommandSet.encode(findRsp(p.messageId, 0xFF00, 0x0000))));
        p.send(new AAbort(2, 6));
    }, "aborted by service-provider: invalid-PDU-parameter-value"),
    ABORT_WITH_UNKNOWN_SOURCE_AND_REASON(85, Client.FIND, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.send(new AAbort(9, 77));
    }, "association aborted by unknown source 9"),
    ABORT_AFTER_THE_CANCEL(86, Client.CANCEL_AFTER_FIRST, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0xFF00, 0x0000), patient("FIRST"));
        p.readRequest(); // C-CANCEL-RQ
        p.send(new AAbort(0, 0));
    }, "after C-CANCEL", "association aborted by service-user"),
    ABORT_INSTEAD_OF_RELEASE_RESPONSE(87, Client.FIND_THEN_RELEASE, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.readPdu();
        p.send(new AAbort(2, 0));
    }, "waiting for A-RELEASE-RP: association aborted by service-provider"),
    ABORT_DURING_ECHO(88, Client.ECHO, AssociationAbortedException.class, p -> {
        p.acceptAndReadFind();
        p.send(new AAbort(0, 0));
    }, "waiting for C-ECHO-RSP (message ID 1): association aborted by service-user"),
    /** Still aborted as a protocol error, typed so that a pool may send the query again on another association. */
    RELEASE_REQUEST_DURING_FIND(89, Client.FIND, ReleaseRequestedByPeerException.class, p -> {
        p.acceptAndReadFind();
        p.send(new AReleaseRq());
    }, "waiting for C-FIND-RSP 1 (message ID 1): peer sent A-RELEASE-RQ while our request was outstanding"),
    CONNECTION_CLOSED_INSTEAD_OF_RELEASE_RESPONSE(90, Client.FIND_THEN_RELEASE, DicomNetworkException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.readPdu();
        p.close();
    }, "connection closed by peer before A-RELEASE-RP"),
    CONNECTION_RESET_INSTEAD_OF_RELEASE_RESPONSE(91, Client.FIND_THEN_RELEASE, DicomNetworkException.class, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.readPdu();
        p.reset();
    }, "waiting for A-RELEASE-RP", "Connection reset"),
    /** Release collision (PS3.8 9.2.2): the requestor answers the peer's A-RELEASE-RQ and waits for its RP. */
    RELEASE_COLLISION(92, Client.FIND_THEN_RELEASE, null, p -> {
        p.acceptAndReadFind();
        p.sendMessage(1, findRsp(p.messageId, 0, 0x0101), null);
        p.readPdu();
        p.send(new AReleaseRq());
        if (!(p.readPdu() instanceof AReleaseRp)) {
            throw new AssertionError("client did not answer the collision");
        }
        p.send(new AReleaseRp());
    });

    /** What the client has to do for the behaviour to happen. */
    public enum Client {
        /** Open, one worklist C-FIND read to its end, release. */
        FIND,
        /** The same; the behaviour attacks the release (A-RELEASE-RQ/RP), after a Success final status. */
        FIND_THEN_RELEASE,
        /** The same, proposing the worklist and Study Root FIND SOP classes (contexts 1 and 3). */
        FIND_TWO_CONTEXTS,
        /** The same, proposing Deflated Explicit VR Little Endian first. */
        FIND_DEFLATED,
        /** The same, with the core's guard against endless Pendings: at most 50 Pending responses. */
        FIND_MAX_RESPONSES_50,
        /** C-FIND, C-CANCEL after the first response, then read to the end. */
        CANCEL_AFTER_FIRST,
        /** Open proposing Verification only, one C-ECHO, release. */
        ECHO
    }

    private final int number;
    private final Client client;
    private final Class<? extends Throwable> expected;
    private final HostileScp.Behaviour behaviour;
    private final List<String> fragments;

    HostileBehaviour(int number, Client client, Class<? extends Throwable> expected, HostileScp.Behaviour behaviour,
            String... fragments) {
        this.number = number;
        this.client = client;
        this.expected = expected;
        this.behaviour = behaviour;
        this.fragments = List.of(fragments);
    }

    /** The row in docs/robustness.md. */
    public int number() {
        return number;
    }

    public Client client() {
        return client;
    }

    /** The exception the SCU core throws, or null when it tolerates the behaviour. */
    public Class<? extends Throwable> expected() {
        return expected;
    }

    public boolean tolerated() {
        return expected == null;
    }

    /** Fragments of the core exception's message (each level's message contains them too, unless it says why not). */
    public List<String> fragments() {
        return fragments;
    }

    /** What the SCP does on the connection. */
    public HostileScp.Behaviour behaviour() {
        return behaviour;
    }

    /** Builds expensive parts before the clock starts. */
    public void prepare() {
        if (client == Client.FIND_DEFLATED) {
            Raw.deflateBomb();
        }
    }

    /** "#65 DEFLATE_BOMB_INSIDE_A_SEQUENCE_ITEM", for test names. */
    public String title() {
        return "#" + number + " " + name();
    }
}
