package io.dicomfind.peers;

import java.nio.file.Path;

/**
 * What every harness peer is made of: a temp directory with its data, config and log, a DICOM port on loopback and
 * the server process. Closing stops the process (and its forked children) and removes the directory.
 */
abstract class ServerPeer implements DicomPeer {
    private final Path dir;
    private final int port;
    private final PeerProcess process;

    ServerPeer(Path dir, int port, PeerProcess process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final PeerProcess process() {
        return process;
    }

    @Override
    public final Path directory() {
        return dir;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            Peers.deleteRecursively(dir);
        }
    }
}
