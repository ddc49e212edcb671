package io.dicomfind.bench;

import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark SCP, in a JVM of its own so that its CPU time can be measured apart from the client's
 * ({@code /proc/PID/stat}): one {@link EmbeddedFindScp} per requested size, each serving a worklist of that many
 * generated items ({@link BenchData#items(int)}), all in this one process.
 *
 * <p>Usage: {@code BenchScp SIZE...}; prints {@code READY SIZE PORT} for each, then serves until standard input
 * closes. A line {@code COUNT SIZE} on standard input is answered with {@code COUNT SIZE N}: the Pending responses
 * that SCP has sent so far (how the driver counts what a quiet client received).
 */
public final class BenchScp {
    private BenchScp() {
    }

    public static void main(String[] args) throws Exception {
        Map<Integer, EmbeddedFindScp> scps = new LinkedHashMap<>();
        try {
            for (String a : args) {
                int size = Integer.parseInt(a);
                EmbeddedFindScp scp = EmbeddedFindScp.builder()
                        .aeTitle(BenchData.AE_TITLE)
                        .maxAssociations(64)
                        .batchResponses(true) // one flush per C-FIND: the SCP must not be what is measured
                        .worklist(BenchData.items(size))
                        .start();
                scps.put(size, scp);
                System.out.println("READY " + size + " " + scp.port());
            }
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) { // until the driver closes it
                String[] f = line.split(" ");
                if (f.length == 2 && f[0].equals("COUNT")) {
                    EmbeddedFindScp scp = scps.get(Integer.parseInt(f[1]));
                    System.out.println("COUNT " + f[1] + " " + (scp == null ? -1 : scp.counters().pendingResponses()));
                    System.out.flush();
                }
            }
        } finally {
            for (EmbeddedFindScp scp : scps.values()) {
                scp.close();
            }
        }
    }
}
