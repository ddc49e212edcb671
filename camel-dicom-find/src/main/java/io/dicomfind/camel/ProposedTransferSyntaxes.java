package io.dicomfind.camel;

/**
 * Which transfer syntaxes to propose for the FIND presentation context, findscu's "proposed transmission transfer
 * syntaxes" ({@code -x=, -xe, -xb, -xd, -xi}). The order matters: some SCPs accept the first one they support (PS3.8
 * 9.3.3.2 leaves the choice to the acceptor), which is why explicit VR comes before implicit.
 */
public enum ProposedTransferSyntaxes {
    /** {@code -x=} (default): all uncompressed, explicit VR in the local byte order first. */
    Uncompressed("-x="),
    /** {@code -xe}: all uncompressed, Explicit VR Little Endian first. */
    ExplicitLittleEndianFirst("-xe"),
    /** {@code -xb}: all uncompressed, Explicit VR Big Endian (retired) first. */
    ExplicitBigEndianFirst("-xb"),
    /** {@code -xd}: Deflated Explicit VR Little Endian, then all uncompressed. */
    Deflated("-xd"),
    /** {@code -xi}: Implicit VR Little Endian only. */
    ImplicitLittleEndianOnly("-xi");

    private final String findscuOption;

    ProposedTransferSyntaxes(String findscuOption) {
        this.findscuOption = findscuOption;
    }

    /** The findscu option that selects this proposal. */
    public String findscuOption() {
        return findscuOption;
    }
}
