package io.dicomfind.dicom.net;

import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.pdu.PresentationContextAc;
import java.util.List;

/**
 * The outcome of one proposed presentation context (PS3.8 9.3.3.2).
 *
 * @param result         0 acceptance, 1 user rejection, 2 no reason, 3 abstract syntax not supported, 4 transfer
 *                       syntaxes not supported; -1 when the A-ASSOCIATE-AC did not mention this context
 * @param transferSyntax the accepted transfer syntax, null unless accepted
 */
public record PresentationContextResult(int id, String abstractSyntax, List<TransferSyntax> proposed, int result,
        TransferSyntax transferSyntax) {
    public boolean accepted() {
        return result == PresentationContextAc.ACCEPTANCE && transferSyntax != null;
    }

    public String resultDescription() {
        return result < 0 ? "not answered in the A-ASSOCIATE-AC" : PresentationContextAc.resultName(result);
    }

    @Override
    public String toString() {
        return "context " + id + " " + SopClasses.name(abstractSyntax) + " (" + abstractSyntax + "): "
                + (accepted() ? "accepted with " + transferSyntax : resultDescription());
    }
}
