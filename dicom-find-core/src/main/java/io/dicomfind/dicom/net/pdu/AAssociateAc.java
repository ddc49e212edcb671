package io.dicomfind.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC (PS3.8 9.3.3). The AE title fields are returned by the acceptor but "shall not be tested"; they
 * are kept for logging only. {@code applicationContext} and {@code userInformation} may be null if absent.
 */
public record AAssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContext, List<PresentationContextAc> presentationContexts,
        UserInformation userInformation) implements Pdu {
    public AAssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_AC;
    }

    public PresentationContextAc context(int id) {
        for (PresentationContextAc pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }
}
