package io.dicomfind.camel;

import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.ReleaseRequestedByPeerException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Whether a C-FIND that failed before its first response on a reused association met an association the peer had
 * ended while it idled in the pool: the peer aborted it (A-ABORT), released it (its A-RELEASE-RQ crossed our
 * C-FIND-RQ), or closed or reset the connection (PS3.8 9.1: A-P-ABORT). Such a query may be sent again on a fresh
 * association, once: C-FIND changes nothing at the SCP (PS3.4 C.4.1). Timeouts, protocol errors, rejections and
 * statuses are not stale associations; they surface as without a pool.
 */
final class StaleAssociation {
    private StaleAssociation() {
    }

    static boolean suggests(IOException e) {
        if (e instanceof AssociationAbortedException || e instanceof ReleaseRequestedByPeerException) {
            return true;
        }
        // the plain DicomNetworkException of a closed, reset or broken connection; its subclasses mean more
        return e.getClass() == DicomNetworkException.class && !(e.getCause() instanceof SocketTimeoutException);
    }
}
