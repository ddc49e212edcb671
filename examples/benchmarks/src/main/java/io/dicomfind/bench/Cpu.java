package io.dicomfind.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from {@code /proc} (Linux, proc(5)): a process's own user+system time, and the time of this process's
 * waited-for children (every client process the driver runs and waits for adds to it).
 */
final class Cpu {
    /** USER_HZ: proc(5) reports times in clock ticks; 100 on every Linux this runs on. */
    private static final double TICK_SECONDS = 0.01;

    private Cpu() {
    }

    /**
     * utime + stime of {@code pid} plus those of its waited-for children (dcmqrscp forks a process per association),
     * in seconds.
     */
    static double ofProcess(long pid) {
        long[] f = fields(pid);
        return (f[13] + f[14] + f[15] + f[16]) * TICK_SECONDS;
    }

    /** cutime + cstime of this process (waited-for children), in seconds. */
    static double ofChildren() {
        long[] f = fields(ProcessHandle.current().pid());
        return (f[15] + f[16]) * TICK_SECONDS;
    }

    /** utime + stime of this process (all its threads), in seconds. */
    static double ofSelf() {
        long[] f = fields(ProcessHandle.current().pid());
        return (f[13] + f[14]) * TICK_SECONDS;
    }

    private static long[] fields(long pid) {
        String s;
        try {
            s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat (Linux only)", e);
        }
        // the command name (field 2) is in parentheses and may contain spaces: split after its closing one
        String[] rest = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
        long[] f = new long[rest.length + 2];
        for (int i = 0; i < rest.length; i++) {
            try {
                f[i + 2] = Long.parseLong(rest[i]);
            } catch (NumberFormatException e) {
                f[i + 2] = 0; // the state letter
            }
        }
        return f; // f[n] is proc(5) field n+1, 0-based: f[13]=utime, f[14]=stime, f[15]=cutime, f[16]=cstime
    }
}
