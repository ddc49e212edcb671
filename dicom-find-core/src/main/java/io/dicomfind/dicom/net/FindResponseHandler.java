package io.dicomfind.dicom.net;

import java.io.IOException;

/** Callback style on top of {@link FindQuery}: receives each response as it arrives. */
@FunctionalInterface
public interface FindResponseHandler {
    /**
     * Called for every response, Pending ones and then the final one, in arrival order.
     *
     * @return false to request a C-CANCEL (sent once); responses still in flight, and the final one, are then
     *         still delivered
     */
    boolean onResponse(FindResponse response) throws IOException;
}
