package io.dicomfind.camel;

import java.io.IOException;

/**
 * The seam between the Camel adapter and the DICOM network layer: everything the producer, the consumer and the
 * health check need from an association, and nothing Camel-specific. The component uses the implementation bound in
 * the registry (option {@code findService}), else the network layer's.
 */
public interface FindService {
    /**
     * Opens an association with the peer in {@code settings}, proposing a FIND presentation context for
     * {@link FindSettings#sopClassUid()}.
     *
     * @throws IOException connection failure, A-ASSOCIATE-RJ, A-ABORT, ACSE timeout, or no accepted context; the
     *                     message names the peer and the reason
     */
    FindSession open(FindSettings settings) throws IOException;

    /**
     * C-ECHO (PS3.7 9.1.5) on an association of its own that proposes only Verification, then releases it.
     *
     * @return the C-ECHO-RSP status
     */
    FindStatus echo(FindSettings settings) throws IOException;
}
