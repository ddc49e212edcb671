package io.dicomfind.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one client process to its end and measures its wall time, its CPU time and the SCP's CPU time meanwhile. */
final class ClientRun {
    record Result(double wallSeconds, double clientCpuSeconds, double scpCpuSeconds, int exitCode) {
    }

    private ClientRun() {
    }

    /**
     * @param env variables to set (a null value removes the variable)
     */
    static Result run(List<String> command, Map<String, String> env, Path log, long scpPid) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        double scp0 = scpPid > 0 ? Cpu.ofProcess(scpPid) : 0;
        double children0 = Cpu.ofChildren();
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit;
        try {
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            exit = p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double client = Cpu.ofChildren() - children0;
        double scp = scpPid > 0 ? Cpu.ofProcess(scpPid) - scp0 : Double.NaN;
        return new Result(wall, client, scp, exit);
    }
}
