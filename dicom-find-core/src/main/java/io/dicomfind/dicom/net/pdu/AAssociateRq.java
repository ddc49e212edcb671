package io.dicomfind.dicom.net.pdu;

import java.util.List;

/** A-ASSOCIATE-RQ (PS3.8 9.3.2). AE titles are held trimmed; the encoder pads them to 16 bytes. */
public record AAssociateRq(String calledAeTitle, String callingAeTitle, String applicationContext,
        List<PresentationContextRq> presentationContexts, UserInformation userInformation) implements Pdu {
    public AAssociateRq {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_RQ;
    }
}
