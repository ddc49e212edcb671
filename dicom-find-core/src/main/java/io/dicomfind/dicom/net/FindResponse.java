package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.CanonicalEncoding;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One C-FIND-RSP (PS3.7 9.3.2.2): its status, the Identifier (for Pending responses; null when none was sent, and
 * always null for final responses, whose data set, if a peer sends one, is ignored) and the raw command.
 *
 * <p>An Identifier that arrived in canonical form ({@link CanonicalEncoding}: already encoded as this library
 * writes it, checked on receipt) is decoded only when {@link #identifier()} is first called, so that a consumer
 * passing it on as received ({@link #writeEncodedIdentifier}, findscu's {@code -X}) never pays for decoding. Any
 * other Identifier was decoded on receipt, where a malformed one is a protocol error.
 */
public final class FindResponse {
    private final int messageIdBeingRespondedTo;
    private final DimseStatus status;
    private final Attributes command;
    private final int index;
    /** Decoded; for a canonical encoding null until first asked for (volatile: a response may change threads). */
    private volatile Attributes identifier;
    private final Encoded encoded;
    private final boolean truncatedByScp;

    /** The Identifier as received: its bytes (never handed out), transfer syntax and decoding limits. */
    private record Encoded(byte[] data, TransferSyntax transferSyntax, DecodeLimits limits, boolean canonical) {
    }

    public FindResponse(int messageIdBeingRespondedTo, DimseStatus status, Attributes identifier,
            Attributes command, int index) {
        this(messageIdBeingRespondedTo, status, identifier, null, command, index, false);
    }

    private FindResponse(int messageIdBeingRespondedTo, DimseStatus status, Attributes identifier, Encoded encoded,
            Attributes command, int index, boolean truncatedByScp) {
        this.messageIdBeingRespondedTo = messageIdBeingRespondedTo;
        this.status = status;
        this.identifier = identifier;
        this.encoded = encoded;
        this.command = command;
        this.index = index;
        this.truncatedByScp = truncatedByScp;
    }

    /**
     * A final response. {@code cancelRequested}: whether the SCU had sent C-CANCEL-FIND-RQ for this C-FIND; a Cancel
     * status without one means the SCP ended matching on its own ({@link #isTruncatedByScp()}).
     */
    public static FindResponse finalResponse(int messageIdBeingRespondedTo, DimseStatus status, Attributes command,
            int index, boolean cancelRequested) {
        boolean truncated = status.category() == DimseStatus.Category.CANCEL && !cancelRequested;
        return new FindResponse(messageIdBeingRespondedTo, status, null, null, command, index, truncated);
    }

    /**
     * A Pending response whose Identifier arrived as {@code data} in {@code ts}: decoded lazily if it is in
     * canonical form, else decoded now.
     *
     * @throws IOException if the Identifier cannot be decoded (only for a non-canonical one: the check is exact)
     */
    static FindResponse received(int messageIdBeingRespondedTo, DimseStatus status, byte[] data, TransferSyntax ts,
            DecodeLimits limits, EncodeOptions options, Attributes command, int index)
            throws IOException {
        boolean canonical = CanonicalEncoding.check(data, ts, limits, options);
        Attributes decoded = canonical ? null : DataSetReader.read(data, ts, limits);
        return new FindResponse(messageIdBeingRespondedTo, status, decoded, new Encoded(data, ts, limits, canonical),
                command, index, false);
    }

    /** (0000,0120): equal to the Message ID of the C-FIND-RQ (checked on receipt). */
    public int messageIdBeingRespondedTo() {
        return messageIdBeingRespondedTo;
    }

    public DimseStatus status() {
        return status;
    }

    /** True when {@link #identifier()} is not null; never decodes. */
    public boolean hasIdentifier() {
        return encoded != null || identifier != null;
    }

    /** The matching Identifier of a Pending response, or null. */
    public Attributes identifier() {
        Attributes id = identifier;
        if (id == null && encoded != null) {
            synchronized (this) {
                id = identifier;
                if (id == null) {
                    id = decode();
                    identifier = id;
                }
            }
        }
        return id;
    }

    private Attributes decode() {
        try {
            return DataSetReader.read(encoded.data(), encoded.transferSyntax(), encoded.limits());
        } catch (IOException e) { // CanonicalEncoding accepted it, so the reader must: a bug, not the peer's fault
            throw new IllegalStateException("identifier of C-FIND-RSP #" + index + " passed the canonical check "
                    + "but cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * The named top-level elements of the Identifier (those present; sequences left out), without decoding the rest
     * of a canonical one: e.g. the SOP Class and Instance UIDs that a file's meta information repeats. Text is
     * decoded in the Specific Character Set only if (0008,0005) is among the tags. Null if there is no Identifier.
     */
    public Attributes identifierElements(int... tags) {
        Attributes id = identifier;
        if (id == null && encoded != null && encoded.canonical()) {
            return CanonicalEncoding.select(encoded.data(), encoded.transferSyntax(), tags);
        }
        id = identifier();
        if (id == null) {
            return null;
        }
        Attributes selected = new Attributes();
        for (int tag : tags) {
            int i = id.indexOf(tag);
            if (i >= 0 && !(id.valueAt(i) instanceof io.dicomfind.dicom.data.Sequence)) {
                selected.set(tag, id.vrAt(i), id.valueAt(i));
            }
        }
        return selected;
    }

    /**
     * True when the Identifier arrived exactly as {@code DataSetWriter} encodes {@link #identifier()} in
     * {@link #transferSyntax()} with the encode options the association uses (its {@code newVRs}, defined lengths):
     * {@link #writeEncodedIdentifier} then writes what re-encoding would, without decoding.
     */
    public boolean isIdentifierCanonical() {
        return encoded != null && encoded.canonical();
    }

    /** The length in bytes of the Identifier as received, or -1 if it was not received from a peer. */
    public int encodedIdentifierLength() {
        return encoded == null ? -1 : encoded.data().length;
    }

    /** The transfer syntax the Identifier arrived in, or null if it was not received from a peer. */
    public TransferSyntax transferSyntax() {
        return encoded == null ? null : encoded.transferSyntax();
    }

    /**
     * Writes the Identifier's bytes as received (the data fragments of the C-FIND-RSP, PS3.7 6.3.1) to {@code out}.
     *
     * @throws IllegalStateException if this response carries no received Identifier
     */
    public void writeEncodedIdentifier(OutputStream out) throws IOException {
        if (encoded == null) {
            throw new IllegalStateException("C-FIND-RSP #" + index + " carries no received identifier");
        }
        out.write(encoded.data());
    }

    /** The response command set as received (group 0000). */
    public Attributes command() {
        return command;
    }

    /** 1-based position of this response in its C-FIND. */
    public int index() {
        return index;
    }

    public boolean isPending() {
        return status.isPending();
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    /**
     * True for a final Cancel (FE00) although the SCU sent no C-CANCEL: PS3.4 C.4.1.2 defines Cancel only as the
     * answer to a C-CANCEL, so the SCP stopped matching on its own and the answer is incomplete. Orthanc with
     * {@code LimitFindResults} N does this after N matches; the user must not take the list as complete.
     */
    public boolean isTruncatedByScp() {
        return truncatedByScp;
    }

    @Override
    public String toString() {
        return "C-FIND-RSP #" + index + " (message ID " + messageIdBeingRespondedTo + "): " + status
                + (truncatedByScp ? " without C-CANCEL (truncated by the SCP)" : "")
                + (encoded != null ? ", identifier of " + encoded.data().length + " bytes"
                        : identifier != null ? ", identifier with " + identifier.size() + " elements" : "");
    }
}
