package io.dicomfind.peers;

import java.nio.file.Path;
import java.util.List;

/** A running real DICOM peer that answers C-FIND on loopback. Closing it stops its processes and removes its files. */
public interface DicomPeer extends AutoCloseable {

    PeerKind kind();

    /** Always {@link Peers#LOOPBACK}. */
    default String host() {
        return Peers.LOOPBACK;
    }

    /** The DICOM (upper layer) port. */
    int port();

    /** The AE title to call ({@code -aec}); the one that holds the harness's data. */
    String calledAeTitle();

    /** The server process (for PIDs, liveness and the log). */
    PeerProcess process();

    /** The peer's temp directory (data, config, log). */
    Path directory();

    /** findscu's connection arguments for this peer: {@code -aec AE host port}. */
    default List<String> connectionArguments() {
        return List.of("-aec", calledAeTitle(), host(), Integer.toString(port()));
    }

    /** Stops the peer; never throws a checked exception. */
    @Override
    void close();
}
