package io.dicomfind.camel;

import io.dicomfind.dicom.net.TransferSyntaxProposal;

/**
 * Which transfer syntaxes to propose for the FIND presentation context, findscu's "proposed transmission transfer
 * syntaxes" ({@code -x=, -xe, -xb, -xd, -xi}). The order matters: some SCPs accept the first one they support (PS3.8
 * 9.3.3.2 leaves the choice to the acceptor), which is why explicit VR comes before implicit.
 */
public enum ProposedTransferSyntaxes {
    /** {@code -x=} (default): all uncompressed, explicit VR in the local byte order first. */
    Uncompressed(TransferSyntaxProposal.UNCOMPRESSED),
    /** {@code -xe}: all uncompressed, Explicit VR Little Endian first. */
    ExplicitLittleEndianFirst(TransferSyntaxProposal.LITTLE),
    /** {@code -xb}: all uncompressed, Explicit VR Big Endian (retired) first. */
    ExplicitBigEndianFirst(TransferSyntaxProposal.BIG),
    /** {@code -xd}: Deflated Explicit VR Little Endian, then all uncompressed. */
    Deflated(TransferSyntaxProposal.DEFLATED),
    /** {@code -xi}: Implicit VR Little Endian only. */
    ImplicitLittleEndianOnly(TransferSyntaxProposal.IMPLICIT);

    private final TransferSyntaxProposal proposal;

    ProposedTransferSyntaxes(TransferSyntaxProposal proposal) {
        this.proposal = proposal;
    }

    /** The network layer's proposal (the option names here are the URI's vocabulary, not a second definition). */
    public TransferSyntaxProposal proposal() {
        return proposal;
    }

    /** The findscu option that selects this proposal. */
    public String findscuOption() {
        return proposal.option();
    }
}
