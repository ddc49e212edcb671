package io.dicomfind.dicom.net;

/**
 * The association was accepted but no presentation context for the needed abstract syntax was: the message lists
 * the result of each proposed context (PS3.8 9.3.3.2: user rejection, no reason, abstract syntax not supported,
 * transfer syntaxes not supported).
 */
public class NoPresentationContextException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    private final String abstractSyntax;

    public NoPresentationContextException(String message, String abstractSyntax) {
        super(message);
        this.abstractSyntax = abstractSyntax;
    }

    public String abstractSyntax() {
        return abstractSyntax;
    }
}
