package io.dicomfind.examples.quarkus;

import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** DCMTK wlmscpfs serving the harness worklist, as the RIS of station MR01. */
public class WlmscpfsResource implements QuarkusTestResourceLifecycleManager {
    private WorklistScp wlmscpfs;

    @Override
    public Map<String, String> start() {
        wlmscpfs = WorklistScp.start();
        return Map.of("ris.port", Integer.toString(wlmscpfs.port()), "ris.aet", WorklistData.AE_TITLE,
                "station.aet", "MR01");
    }

    @Override
    public void stop() {
        if (wlmscpfs != null) {
            wlmscpfs.close();
        }
    }
}
