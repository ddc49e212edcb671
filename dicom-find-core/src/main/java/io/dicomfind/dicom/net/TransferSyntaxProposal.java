package io.dicomfind.dicom.net;

import io.dicomfind.dicom.io.TransferSyntax;
import java.util.List;

/**
 * Which transfer syntaxes to propose for each abstract syntax, in order, as findscu's {@code -x=, -xe, -xb, -xd,
 * -xi} options do. Order matters: some SCPs accept the first one they support (PS3.8 9.3.3.2 leaves the choice to
 * the acceptor), which is why explicit VR comes before implicit.
 */
public enum TransferSyntaxProposal {
    /** {@code -x=} (default): explicit VR in the local byte order first, then the other explicit, then implicit. */
    UNCOMPRESSED("-x="),
    /** {@code -xe}: explicit VR little endian first, then explicit big endian, then implicit. */
    LITTLE("-xe"),
    /** {@code -xb}: explicit VR big endian first, then explicit little endian, then implicit. */
    BIG("-xb"),
    /** {@code -xd}: deflated explicit VR little endian, then all uncompressed as {@link #UNCOMPRESSED}. */
    DEFLATED("-xd"),
    /** {@code -xi}: implicit VR little endian only. */
    IMPLICIT("-xi");

    private final String option;

    TransferSyntaxProposal(String option) {
        this.option = option;
    }

    /** The findscu option that selects this proposal. */
    public String option() {
        return option;
    }

    public List<TransferSyntax> transferSyntaxes() {
        boolean localBig = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN;
        TransferSyntax le = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        TransferSyntax be = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        TransferSyntax il = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        return switch (this) {
            case UNCOMPRESSED -> localBig ? List.of(be, le, il) : List.of(le, be, il);
            case LITTLE -> List.of(le, be, il);
            case BIG -> List.of(be, le, il);
            case DEFLATED -> localBig
                    ? List.of(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, be, le, il)
                    : List.of(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, le, be, il);
            case IMPLICIT -> List.of(il);
        };
    }
}
