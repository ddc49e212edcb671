package io.dicomfind.camel;

import java.io.IOException;

/**
 * Placeholder until the network layer ({@code io.dicomfind.dicom.net}) is plugged in behind {@link FindService}.
 * TODO(net): replace with the adapter over Association/FindQuery.
 */
final class UnwiredFindService implements FindService {
    @Override
    public FindSession open(FindSettings settings) throws IOException {
        throw new IOException("dicomfind: cannot reach " + settings.peer()
                + ": the DICOM network layer is not wired into this build yet; bind a FindService in the registry");
    }

    @Override
    public FindStatus echo(FindSettings settings) throws IOException {
        throw new IOException("dicomfind: cannot C-ECHO " + settings.peer()
                + ": the DICOM network layer is not wired into this build yet");
    }
}
