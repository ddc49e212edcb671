package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.TimedInputStream.Timer;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.Pdu;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Association release as requestor (PS3.8 7.2, 9.2 AR-1 to AR-3): A-RELEASE-RQ, then the wait for A-RELEASE-RP
 * within the ACSE timeout, answering a release collision on the way; and the peer's own A-RELEASE-RQ or A-ABORT on an
 * idle association. The transport is closed on every path out.
 */
final class AssociationRelease {
    // Logged under Association's name: that is the logger users know and configure.
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private AssociationRelease() {
    }

    static void release(UpperLayerConnection ul, AssociationConfig config) throws IOException {
        ul.waitingFor("A-RELEASE-RP");
        try {
            LOG.debug("-> {}: A-RELEASE-RQ", config.peerDescription());
            ul.write(new AReleaseRq());
            ul.deadline(config.acseTimeout(), Timer.ACSE);
            while (true) {
                Pdu pdu = ul.read();
                if (pdu == null) {
                    throw new DicomNetworkException(ul.where() + ": connection closed by peer before A-RELEASE-RP");
                }
                if (pdu instanceof AReleaseRp) {
                    LOG.debug("{}: A-RELEASE-RP", config.peerDescription());
                    break;
                }
                if (pdu instanceof AReleaseRq) {
                    // release collision (PS3.8 9.2.2, AR-8/AR-9): as requestor we answer and keep waiting
                    ul.write(new AReleaseRp());
                } else if (pdu instanceof PDataTf) {
                    LOG.debug("{}: P-DATA-TF after A-RELEASE-RQ ignored", config.peerDescription());
                } else {
                    throw ul.unexpected(pdu);
                }
            }
            ul.released();
        } catch (IOException e) {
            throw ul.failure(e);
        } finally {
            ul.close(); // AR-3: the requestor closes after A-RELEASE-RP
        }
    }

    /**
     * A PDU arrived on an idle association (no request outstanding): the peer ends it. An A-RELEASE-RQ is answered
     * with A-RELEASE-RP (PS3.8 9.2, Sta6 Evt12 AR-2, then AR-4) and the transport closed: the release requestor closes
     * on receiving it (AR-3), so nothing is lost. An A-ABORT (AA-3) or a closed connection just ends it; anything else
     * is a protocol error, answered with A-ABORT. Never throws: the association is unusable afterwards either way.
     */
    static void peerEnded(UpperLayerConnection ul, AssociationConfig config) {
        ul.waitingFor("nothing (idle association)");
        try {
            ul.deadline(config.acseTimeout(), Timer.ACSE); // the PDU has begun to arrive: bound the wait for its rest
            Pdu pdu = ul.read();
            if (pdu instanceof AReleaseRq) {
                LOG.debug("{}: A-RELEASE-RQ on an idle association, -> A-RELEASE-RP", config.peerDescription());
                ul.write(new AReleaseRp());
                ul.released();
            } else if (pdu instanceof AAbort a) {
                LOG.debug("{}: idle association {}", config.peerDescription(), a.describe());
                throw ul.unexpected(pdu);
            } else if (pdu == null) {
                LOG.debug("{}: idle association closed by peer", config.peerDescription());
            } else {
                throw ul.unexpected(pdu);
            }
        } catch (IOException e) {
            LOG.debug("{}: idle association ended: {}", config.peerDescription(), ul.failure(e).getMessage());
        } finally {
            ul.close();
        }
    }
}
