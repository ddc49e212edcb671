package io.dicomfind.examples.quarkus;

import io.dicomfind.examples.sample.SampleScp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The sample SCP on a free port for the Quarkus application under test; only calling AE title CT01 is known. */
public class SampleScpResource implements QuarkusTestResourceLifecycleManager {
    static SampleScp scp;

    @Override
    public Map<String, String> start() {
        try {
            scp = SampleScp.start("SAMPLESCP", 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("ris.port", Integer.toString(scp.port()));
    }

    @Override
    public void stop() {
        if (scp != null) {
            scp.close();
        }
    }
}
