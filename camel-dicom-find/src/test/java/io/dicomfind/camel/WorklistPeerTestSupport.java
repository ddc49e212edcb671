package io.dicomfind.camel;

import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel test against DCMTK wlmscpfs serving {@link WorklistData} (AE {@value WorklistData#AE_TITLE}), one peer per
 * test class, that checks after every test that no association and no socket was left open
 * ({@link NetworkLeakCheck}). A subclass's own {@code @AfterEach} runs before that check (e.g. to stop the context).
 */
public abstract class WorklistPeerTestSupport extends CamelTestSupport {
    protected static WorklistScp worklist;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startWorklistPeer() {
        worklist = WorklistScp.start();
    }

    @AfterAll
    static void stopWorklistPeer() {
        worklist.close();
    }

    @BeforeEach
    void takeSocketBaseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void assertNothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }
}
