package io.dicomfind.dicom.net.pdu;

import java.util.List;

/** A proposed presentation context (PS3.8 9.3.2.2): odd ID 1..255, one abstract syntax, transfer syntaxes. */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextRq {
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("presentation context ID must be odd and 1..255, was " + id);
        }
        if (transferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("presentation context " + id + " proposes no transfer syntax");
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
