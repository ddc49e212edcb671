package io.dicomfind.dicom.scp;

import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.PeerKind;
import io.dicomfind.peers.PeerProcess;
import java.nio.file.Path;

/** Our {@link EmbeddedFindScp} seen as a harness peer, so {@code DcmtkFindScu} can query it like wlmscpfs/dcmqrscp. */
final class EmbeddedPeer implements DicomPeer {
    private final EmbeddedFindScp scp;
    private final PeerKind kind;
    private final Path directory;

    EmbeddedPeer(EmbeddedFindScp scp, PeerKind kind, Path directory) {
        this.scp = scp;
        this.kind = kind;
        this.directory = directory;
    }

    @Override
    public PeerKind kind() {
        return kind;
    }

    @Override
    public int port() {
        return scp.port();
    }

    @Override
    public String calledAeTitle() {
        return scp.aeTitle();
    }

    /** In-process: there is no server process. */
    @Override
    public PeerProcess process() {
        throw new UnsupportedOperationException("the embedded SCP runs in this JVM");
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        scp.close();
    }

    @Override
    public String toString() {
        return scp.toString();
    }
}
