package io.dicomfind.examples.file;

import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DcmtkXmlWriter;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * What findscu's extract options write, for the routes: the response file names ({@code rsp0001}, as findscu numbers
 * them) and DCMTK's XML layout (dcm2xml.dtd), per response ({@code -Xx}) and for all responses of a query
 * ({@code -Xs}, {@code <responses type="C-FIND">}, converted to UTF-8). Part-10 ({@code -X}) and DICOM JSON
 * ({@code -J}) come from the component's {@code dicom} data format.
 */
public class ResponseFiles {

    /** {@code rsp0001} for the first response of a split. */
    public static String name(@ExchangeProperty(Exchange.SPLIT_INDEX) int index) {
        return String.format(Locale.ROOT, "rsp%04d", index + 1);
    }

    /** One response in DCMTK's XML ({@code -Xx}); lengths are those of the transfer syntax the SCP used. */
    public static byte[] dcmtkXml(Attributes response,
            @Header(DicomFindConstants.TRANSFER_SYNTAX_UID) String transferSyntaxUid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DcmtkXmlWriter(transferSyntax(transferSyntaxUid)).writeDataSetDocument(response, out);
        return out.toByteArray();
    }

    /** All responses of one query in one DCMTK XML document ({@code -Xs}). */
    public static byte[] dcmtkXmlResponses(List<Attributes> responses,
            @Header(DicomFindConstants.TRANSFER_SYNTAX_UID) String transferSyntaxUid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferSyntax ts = transferSyntax(transferSyntaxUid);
        try (DcmtkXmlWriter.Responses doc = DcmtkXmlWriter.openResponses(out, "C-FIND")) {
            for (Attributes response : responses) {
                doc.add(response, ts);
            }
        }
        return out.toByteArray();
    }

    private static TransferSyntax transferSyntax(String uid) {
        return uid == null ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.forUid(uid);
    }
}
