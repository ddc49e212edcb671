package io.dicomfind.camel;

import io.dicomfind.dicom.net.DimseStatus;
import java.io.IOException;

/**
 * The seam between the Camel adapter and the DICOM network layer: what the producer, the consumer and the health check
 * need from an association, in the network layer's own types ({@link io.dicomfind.dicom.net.AssociationConfig},
 * {@link io.dicomfind.dicom.net.FindResponse}, {@link DimseStatus}). The component uses the implementation bound in
 * the registry (option {@code findService}, for tests), else {@link NetFindService}.
 */
public interface FindService {
    /**
     * Opens an association as {@link FindSettings#association()} describes.
     *
     * @throws IOException a {@link io.dicomfind.dicom.net.DicomNetworkException}: connection failure, A-ASSOCIATE-RJ,
     *                     A-ABORT, ACSE timeout, or no accepted context; the message names the peer and the reason
     */
    FindSession open(FindSettings settings) throws IOException;

    /**
     * Opens an association that carried no earlier C-FIND, for the one retry after a reused association turned out
     * to be ended by the peer ({@link FindSession#isReused()}). Without a pool every association is fresh.
     */
    default FindSession openFresh(FindSettings settings) throws IOException {
        return open(settings);
    }

    /**
     * C-ECHO (PS3.7 9.1.5) on an association of its own that proposes only Verification, then releases it.
     *
     * @return the C-ECHO-RSP status
     */
    DimseStatus echo(FindSettings settings) throws IOException;
}
