package io.dicomfind.bench;

import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Streams one C-FIND through the core API in a JVM of its own (run it with a small {@code -Xmx}) and prints the
 * peak heap use the JVM saw (MemoryPoolMXBean peak usage of every heap pool) and the heap in use after a final
 * full GC: {@code RESULT responses peakHeapBytes oldGenPeakBytes usedAfterGcBytes}.
 *
 * <p>Usage: {@code MemoryProbe HOST PORT}
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        AssociationConfig config = AssociationConfig.builder(args[0], Integer.parseInt(args[1]))
                .calledAeTitle(BenchData.AE_TITLE).callingAeTitle("MEMPROBE")
                .abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND).build();
        long[] count = new long[1];
        long[] touched = new long[1];
        try (Association as = Association.open(config)) {
            FindResponse last = as.find(SopClasses.MODALITY_WORKLIST_FIND, BenchData.query(), r -> {
                if (r.isPending()) {
                    count[0]++;
                    touched[0] += r.identifier().size(); // use each identifier, keep none
                }
                return true;
            });
            if (last == null || !last.status().isSuccess()) {
                throw new IllegalStateException("final response " + last);
            }
        }
        long peak = 0;
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                    oldPeak = Math.max(oldPeak, pool.getPeakUsage().getUsed());
                }
            }
        }
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("RESULT " + count[0] + " " + peak + " " + oldPeak + " " + after + " " + touched[0]);
    }
}
