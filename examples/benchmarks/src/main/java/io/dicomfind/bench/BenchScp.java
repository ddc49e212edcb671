package io.dicomfind.bench;

import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark SCP, in a JVM of its own so that its CPU time can be measured apart from the client's
 * ({@code /proc/PID/stat}): one {@link EmbeddedFindScp} per requested size, each serving a worklist of that many
 * generated items ({@link BenchData#items(int)}), all in this one process.
 *
 * <p>Usage: {@code BenchScp SIZE...}; prints {@code READY SIZE PORT} for each, then serves until standard input
 * closes.
 */
public final class BenchScp {
    private BenchScp() {
    }

    public static void main(String[] args) throws Exception {
        List<EmbeddedFindScp> scps = new ArrayList<>();
        try {
            for (String a : args) {
                int size = Integer.parseInt(a);
                EmbeddedFindScp scp = EmbeddedFindScp.builder()
                        .aeTitle(BenchData.AE_TITLE)
                        .maxAssociations(64)
                        .worklist(BenchData.items(size))
                        .start();
                scps.add(scp);
                System.out.println("READY " + size + " " + scp.port());
            }
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            while (in.readLine() != null) {
                // serve until the driver closes our standard input
            }
        } finally {
            for (EmbeddedFindScp scp : scps) {
                scp.close();
            }
        }
    }
}
