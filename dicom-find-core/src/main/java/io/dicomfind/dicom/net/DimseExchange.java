package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.TimedInputStream.Timer;
import io.dicomfind.dicom.net.dimse.CommandField;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DIMSE messages (PS3.7 6) over the P-DATA service of an established association (PS3.8 9.3.5): sending a command
 * with its data set, reading the next whole message on an accepted context, and the checks every response must
 * pass. A message-level error aborts the association through the {@link UpperLayerConnection}.
 */
final class DimseExchange {
    // Logged under Association's name: that is the logger users know and configure.
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final AssociationConfig config;
    private final UpperLayerConnection ul;
    private final long peerMaxPduLength;
    private final PDataWriter pdataWriter;
    private final MessageAssembler assembler;
    private final ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
    private final PresentationContextResult[] byId = new PresentationContextResult[256];

    DimseExchange(AssociationConfig config, UpperLayerConnection ul, long peerMaxPduLength,
            List<PresentationContextResult> contexts) {
        this.config = config;
        this.ul = ul;
        this.peerMaxPduLength = peerMaxPduLength;
        this.pdataWriter = new PDataWriter(ul.output());
        int maxData = (int) Math.min(Integer.MAX_VALUE - 8, config.decodeLimits().maxDataSetLength());
        this.assembler = new MessageAssembler(this::nextPdv, this::acceptedSyntax, maxData);
        for (PresentationContextResult r : contexts) {
            byId[r.id()] = r;
        }
    }

    void send(int contextId, Attributes command, byte[] data, String what) throws IOException {
        ul.ensureOpen();
        byte[] cmd = CommandSet.encode(command);
        try {
            pdataWriter.write(contextId, cmd, data, peerMaxPduLength);
        } catch (IOException e) {
            ul.waitingFor("sending " + what);
            throw ul.failure(e);
        }
        LOG.debug("-> {}: {} on context {} ({} command bytes, {} data bytes)", config.peerDescription(), what,
                contextId, cmd.length, data == null ? "no" : data.length);
    }

    /** Reads the next complete message within {@code timeout} (null: none besides the socket timeout). */
    DimseMessage readMessage(String what, Duration timeout, Predicate<Attributes> undeclaredDataExpected)
            throws IOException {
        ul.waitingFor(what);
        ul.deadline(timeout, Timer.DIMSE);
        try {
            DimseMessage m = assembler.read(undeclaredDataExpected);
            if (LOG.isDebugEnabled()) {
                LOG.debug("<- {}: {} on context {}, status {}, {} data bytes", config.peerDescription(),
                        CommandField.name(m.commandField()), m.contextId(),
                        String.format("%04X", CommandSet.getUS(m.command(), Tag.Status) & 0xFFFF),
                        m.dataSet() == null ? "no" : m.dataSet().length);
            }
            return m;
        } catch (IOException e) {
            throw ul.failure(e);
        }
    }

    /** Validates command field, presentation context and Message ID Being Responded To of a response. */
    void checkResponse(DimseMessage m, int contextId, int commandField, int messageId, String what)
            throws IOException {
        int field = m.commandField();
        if (field != commandField) {
            throw protocolError("expected " + what + " but received " + CommandField.name(field), what);
        }
        int respondedTo = CommandSet.getUS(m.command(), Tag.MessageIDBeingRespondedTo);
        if (respondedTo != messageId) {
            throw protocolError(CommandField.name(field) + " answers message ID "
                    + (respondedTo < 0 ? "(missing)" : respondedTo) + " but our request had message ID "
                    + messageId, what);
        }
        if (m.contextId() != contextId) {
            throw protocolError(CommandField.name(field) + " arrived on presentation context " + m.contextId()
                    + " but the request was sent on " + contextId, what);
        }
    }

    /** The Status (0000,0900), which must be present and 2 bytes: never guess (a garbled status must not spin). */
    int status(Attributes cmd, String what) throws IOException {
        int status = CommandSet.getUS(cmd, Tag.Status);
        if (status < 0) {
            throw protocolError(CommandField.name(CommandSet.getUS(cmd, Tag.CommandField))
                    + " without a valid Status (0000,0900)", what);
        }
        return status;
    }

    /** A DIMSE-level error found after a message was read: abort (source 0) and return the exception to throw. */
    DicomNetworkException protocolError(String message, String what) {
        ul.waitingFor(what);
        return ul.failure(DicomProtocolException.dimse(message));
    }

    /**
     * A response guard of ours was exceeded ({@link AssociationConfig#maxResponses()}): abort (source 0, the DIMSE
     * user gives up) and return the exception to throw.
     */
    DicomNetworkException responseLimitExceeded(String message, String what) {
        ul.waitingFor(what);
        ResponseLimitExceededException e = new ResponseLimitExceededException(ul.where() + ": " + message
                + "; association aborted");
        ul.abort(AssociationFailures.userAbort());
        return e;
    }

    private Pdv nextPdv() throws IOException {
        while (pdvs.isEmpty()) {
            Pdu pdu = ul.read();
            if (pdu == null) {
                throw new DicomNetworkException(ul.where() + ": connection closed by peer (A-P-ABORT)");
            }
            if (pdu instanceof PDataTf p) {
                LOG.trace("<- P-DATA-TF {}", p.pdvs());
                pdvs.addAll(p.pdvs());
            } else if (pdu instanceof AReleaseRq) {
                throw new ReleaseRequestedByPeerException(
                        "peer sent A-RELEASE-RQ while our request was outstanding");
            } else {
                throw ul.unexpected(pdu);
            }
        }
        return pdvs.poll();
    }

    private TransferSyntax acceptedSyntax(int contextId) {
        PresentationContextResult r = contextId < byId.length ? byId[contextId] : null;
        return r != null && r.accepted() ? r.transferSyntax() : null;
    }
}
