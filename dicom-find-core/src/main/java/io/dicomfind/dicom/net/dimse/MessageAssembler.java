package io.dicomfind.dicom.net.dimse;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Reassembles DIMSE messages from PDVs (PS3.8 9.3.5, Annex E): command fragments up to the one flagged last, then,
 * if the command announces a data set, data fragments up to the last. PDVs may be split anywhere and several may
 * share a PDU; all fragments of one message must use the same, accepted, presentation context.
 *
 * <p>Every fragment must be of even length (PS3.8 Annex E; DCMTK refuses odd fragments too), so that a lying or
 * corrupted PDV length is caught at once.
 */
public final class MessageAssembler {
    private final PdvSource source;
    private final IntFunction<TransferSyntax> acceptedContexts;
    private final int maxDataSetLength;
    private Pdv peeked;

    /**
     * @param acceptedContexts the transfer syntax of an accepted presentation context ID, or null if that ID was
     *                         not accepted
     * @param maxDataSetLength bound on the encoded data set of one message
     */
    public MessageAssembler(PdvSource source, IntFunction<TransferSyntax> acceptedContexts, int maxDataSetLength) {
        this.source = source;
        this.acceptedContexts = acceptedContexts;
        this.maxDataSetLength = maxDataSetLength;
    }

    private Pdv nextPdv() throws IOException {
        if (peeked != null) {
            Pdv p = peeked;
            peeked = null;
            return p;
        }
        return source.next();
    }

    /**
     * Reads one message.
     *
     * @param undeclaredDataExpected for a command whose Data Set Type says "none", whether data fragments that
     *                               follow anyway should be taken as its data set (peeks at the next PDV; used for
     *                               Pending C-FIND responses, as DCMTK assumes an Identifier for them)
     */
    public DimseMessage read(Predicate<Attributes> undeclaredDataExpected) throws IOException {
        Pdv first = nextPdv();
        int ctx = first.contextId();
        checkContext(first);
        if (!first.command()) {
            throw DicomProtocolException.dimse("received a data set fragment (" + first
                    + ") where a command was expected");
        }
        ByteArrayOutputStream cmdBytes = new ByteArrayOutputStream(256);
        Pdv pdv = first;
        while (true) {
            if (cmdBytes.size() + pdv.length() > CommandSet.MAX_COMMAND_LENGTH) {
                throw DicomProtocolException.dimse("command set longer than " + CommandSet.MAX_COMMAND_LENGTH
                        + " bytes");
            }
            cmdBytes.write(pdv.buffer(), pdv.offset(), pdv.length());
            if (pdv.last()) {
                break;
            }
            pdv = nextPdv();
            sameMessage(pdv, ctx, true);
        }
        byte[] cb = cmdBytes.toByteArray();
        Attributes command = CommandSet.decode(cb, 0, cb.length);
        int dataSetType = CommandSet.getUS(command, Tag.CommandDataSetType);
        if (dataSetType < 0) {
            throw DicomProtocolException.dimse(CommandField.name(CommandSet.getUS(command, Tag.CommandField))
                    + " without a valid Command Data Set Type (0000,0800)");
        }
        boolean dataFollows = dataSetType != CommandField.DATA_SET_ABSENT;
        if (!dataFollows && undeclaredDataExpected.test(command)) {
            peeked = source.next();
            dataFollows = !peeked.command() && peeked.contextId() == ctx;
        }
        if (!dataFollows) {
            return new DimseMessage(ctx, command, null);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream(1024);
        do {
            pdv = nextPdv();
            sameMessage(pdv, ctx, false);
            if ((long) data.size() + pdv.length() > maxDataSetLength) {
                throw DicomProtocolException.dimse("data set longer than the " + maxDataSetLength
                        + " bytes we accept");
            }
            data.write(pdv.buffer(), pdv.offset(), pdv.length());
        } while (!pdv.last());
        return new DimseMessage(ctx, command, data.toByteArray());
    }

    private void checkContext(Pdv pdv) throws DicomProtocolException {
        if ((pdv.length() & 1) != 0) {
            throw new DicomProtocolException("received " + pdv + ": fragments must have even length",
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        if (acceptedContexts.apply(pdv.contextId()) == null) {
            throw new DicomProtocolException("received " + pdv + " for presentation context ID " + pdv.contextId()
                    + ", which was not accepted on this association",
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
    }

    private void sameMessage(Pdv pdv, int ctx, boolean command) throws DicomProtocolException {
        checkContext(pdv);
        if (pdv.contextId() != ctx) {
            throw DicomProtocolException.dimse("message started on presentation context " + ctx
                    + " continues on " + pdv.contextId() + " (" + pdv + ")");
        }
        if (pdv.command() != command) {
            throw DicomProtocolException.dimse(command
                    ? "data set fragment before the last command fragment (" + pdv + ")"
                    : "command fragment where a data set fragment was expected (" + pdv + ")");
        }
    }
}
