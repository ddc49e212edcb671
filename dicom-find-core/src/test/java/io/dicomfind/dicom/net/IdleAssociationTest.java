package io.dicomfind.dicom.net;

import static io.dicomfind.dicom.net.ProtocolErrorTest.config;
import static io.dicomfind.dicom.net.ProtocolErrorTest.keys;
import static io.dicomfind.dicom.net.ScriptedScp.findRsp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Association#checkIdle()}: what a peer does to an association that waits, idle, for its next request (what
 * a pooled association meets): nothing, an A-RELEASE-RQ (answered with A-RELEASE-RP, PS3.8 9.2 AR-2/AR-4), an
 * A-ABORT, or a closed connection. Real SCPs that do these are in the component's pool tests (Orthanc's
 * DicomScpTimeout, the embedded SCP's idle release); this pins the PDUs exchanged.
 */
class IdleAssociationTest {

    private static void oneQuery(Association as) throws Exception {
        try (FindQuery q = as.find(keys())) {
            while (q.nextResponse() != null) {
                // read to the final response
            }
        }
    }

    @Test
    void quietPeerLeavesTheAssociationReusable() throws Throwable {
        CountDownLatch done = new CountDownLatch(1);
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            for (int i = 1; i <= 2; i++) {
                s.readMessage();
                s.sendMessage(1, findRsp(i, 0, 0x0101), null);
            }
            done.await(5, TimeUnit.SECONDS);
            s.recordNext();
            s.send(new AReleaseRp());
        }); Association as = Association.open(config(scp).build())) {
            oneQuery(as);
            assertTrue(as.checkIdle());
            oneQuery(as);
            assertTrue(as.checkIdle());
            done.countDown();
            as.close();
            scp.await();
            assertInstanceOf(AReleaseRq.class, scp.recorded.get(0));
        }
    }

    @Test
    void peerReleaseOfAnIdleAssociationIsAnsweredWithReleaseResponse() throws Throwable {
        CountDownLatch sent = new CountDownLatch(1);
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.sendMessage(1, findRsp(1, 0, 0x0101), null);
            s.send(new AReleaseRq());
            sent.countDown();
            s.recordNext();
            s.recorded().add(s.reader.read()); // null: we closed after A-RELEASE-RP (PS3.8 AR-3 at the peer)
        }); Association as = Association.open(config(scp).build())) {
            oneQuery(as);
            assertTrue(sent.await(5, TimeUnit.SECONDS));
            awaitArrival(as);
            assertFalse(as.checkIdle());
            assertFalse(as.isOpen());
            scp.await();
            assertInstanceOf(AReleaseRp.class, scp.recorded.get(0));
            assertNull(scp.recorded.get(1), "transport closed after A-RELEASE-RP");
            as.close(); // nothing more to send; no exception
        }
    }

    @Test
    void peerAbortOfAnIdleAssociationEndsIt() throws Throwable {
        CountDownLatch sent = new CountDownLatch(1);
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.sendMessage(1, findRsp(1, 0, 0x0101), null);
            s.send(new AAbort(2, 0));
            sent.countDown();
            s.recorded().add(s.reader.read());
        }); Association as = Association.open(config(scp).build())) {
            oneQuery(as);
            assertTrue(sent.await(5, TimeUnit.SECONDS));
            awaitArrival(as);
            assertFalse(as.checkIdle());
            scp.await();
            assertNull(scp.recorded.get(0), "nothing sent after the peer's A-ABORT, then closed");
        }
    }

    @Test
    void releaseRequestRacingOurRequestIsTypedSoThatItCanBeRetried() throws Throwable {
        try (ScriptedScp scp = ScriptedScp.start(s -> {
            s.accept(16384);
            s.readMessage();
            s.send(new AReleaseRq());
            s.recordNext();
        }); Association as = Association.open(config(scp).build())) {
            ReleaseRequestedByPeerException e = assertThrows(ReleaseRequestedByPeerException.class,
                    () -> as.find(keys()).nextResponse());
            assertTrue(e.getMessage().contains("127.0.0.1:" + scp.port()), e.getMessage());
            scp.await();
            assertEquals(new AAbort(2, 2), scp.recorded.get(0), "provider abort: unexpected-PDU, as before");
        }
    }

    /** The peer's PDU was flushed; give the loopback a moment to deliver it before the non-blocking check. */
    private static void awaitArrival(Association as) throws InterruptedException {
        Thread.sleep(100);
    }
}
