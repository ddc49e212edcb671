/**
 * Test harness that runs REAL DICOM peers from Debian's packages ({@code apt-get install -y dcmtk orthanc}) as local
 * processes, plus DCMTK findscu as the oracle for equivalence tests. Shipped in the component's test-jar.
 *
 * <ul>
 * <li>{@link io.dicomfind.peers.WorklistScp} (wlmscpfs, {@link io.dicomfind.peers.WorklistData}),
 * {@link io.dicomfind.peers.QueryRetrieveScp} (dcmqrscp) and {@link io.dicomfind.peers.OrthancPeer} (both loaded with
 * {@link io.dicomfind.peers.PacsData}); {@link io.dicomfind.peers.PeerSet} starts all three.</li>
 * <li>{@link io.dicomfind.peers.DcmtkFindScu} runs findscu with {@code -X} and returns a
 * {@link io.dicomfind.peers.ResponseSet}: canonical, order-insensitive, computed by dcmdump
 * ({@link io.dicomfind.peers.DcmDumpCanonicalizer}), never by the component's own code.</li>
 * <li>{@link io.dicomfind.peers.QueryCorpus}: named queries with findscu arguments and expected counts.</li>
 * </ul>
 *
 * Equivalence of the component's client with findscu: run both with the same {@link
 * io.dicomfind.peers.CorpusQuery#commandLine(DicomPeer, java.nio.file.Path)}, canonicalise the client's {@code -X}
 * output files with {@link io.dicomfind.peers.DcmDumpCanonicalizer#responseSet(java.util.List)} and compare with
 * {@link io.dicomfind.peers.ResponseSet#assertSameAs(ResponseSet, String)}.
 *
 * <p>Missing binaries fail (with the install command), never skip. Servers get free loopback ports, log to their
 * temp dir, are stopped by PID (SIGTERM, then SIGKILL) and, as a safety net, by a JVM shutdown hook. Set
 * {@code -Ddicomfind.peers.keep=true} to keep peer directories and logs for debugging.
 */
package io.dicomfind.peers;
