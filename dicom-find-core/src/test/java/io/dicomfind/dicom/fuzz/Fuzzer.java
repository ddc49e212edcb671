package io.dicomfind.dicom.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fuzzing loop: mutates corpus entries, runs each input on a worker thread with a time bound, and keeps a mutant
 * in the corpus when its outcome signature is new (the error message shape, or the VRs and depth decoded): a cheap
 * outcome-guided substitute for coverage feedback. A finding is anything but an {@link IOException} escaping, an
 * Error (OutOfMemoryError, StackOverflowError), or an input running past the time bound.
 */
final class Fuzzer {
    static final int MAX_CORPUS = 4000;

    record Finding(FuzzTarget target, String kind, byte[] input, Throwable error) {
        @Override
        public String toString() {
            return target + " " + kind + " (" + input.length + " bytes): " + error;
        }
    }

    record Result(FuzzTarget target, long executions, int corpus, int signatures, List<Finding> findings,
            long millis) {
        String summary() {
            return String.format("FUZZ %-16s executions=%d (%d/s) corpus=%d signatures=%d findings=%d ms=%d", target,
                    executions, millis == 0 ? 0 : executions * 1000 / millis, corpus, signatures, findings.size(),
                    millis);
        }
    }

    private final FuzzTarget target;
    private final long perInputMillis;
    private ExecutorService worker = newWorker();
    private final Set<String> signatures = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private long executions;

    Fuzzer(FuzzTarget target, long perInputMillis) {
        this.target = target;
        this.perInputMillis = perInputMillis;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs one input; returns its signature, or null for a finding (recorded). */
    String execute(byte[] input) {
        executions++;
        Future<String> f = worker.submit(() -> target.run(input));
        try {
            return "ok:" + f.get(perInputMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) {
                return "E:" + shape(c);
            }
            findings.add(new Finding(target, c.getClass().getSimpleName(), input, c));
            return null;
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is abandoned (daemon); the finding fails the test
            findings.add(new Finding(target, "hang > " + perInputMillis + " ms", input, e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The message without numbers and quoted parts: "unknown VR '' at (#,#), offset #". */
    static String shape(Throwable t) {
        String m = String.valueOf(t.getMessage()).replaceAll("'[^']*'", "''").replaceAll("[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}",
                "#,#").replaceAll("[0-9]+", "#");
        return t.getClass().getSimpleName() + ":" + (m.length() > 90 ? m.substring(0, 90) : m);
    }

    /** Replays every input once (seeds, regressions); returns how many decoded without any exception. */
    int replay(List<byte[]> inputs) {
        int ok = 0;
        for (byte[] in : inputs) {
            String s = execute(in);
            if (s != null) {
                signatures.add(s);
                if (s.startsWith("ok:")) {
                    ok++;
                }
            }
        }
        return ok;
    }

    /** Mutates for {@code budgetMillis}. */
    Result fuzz(List<byte[]> seeds, long budgetMillis, long seed) {
        long t0 = System.nanoTime();
        List<byte[]> corpus = new ArrayList<>(seeds);
        if (corpus.isEmpty()) {
            corpus.add(new byte[0]);
        }
        Mutator mutator = new Mutator(seed ^ target.ordinal() * 0x9E3779B97F4A7C15L);
        long end = t0 + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        java.util.SplittableRandom pick = new java.util.SplittableRandom(seed + target.ordinal());
        while (System.nanoTime() < end && findings.size() < 20) {
            byte[] parent = corpus.get(pick.nextInt(corpus.size()));
            byte[] child = mutator.mutate(parent, corpus);
            String s = execute(child);
            if (s != null && signatures.add(s) && corpus.size() < MAX_CORPUS) {
                corpus.add(child);
            }
        }
        worker.shutdownNow();
        return new Result(target, executions, corpus.size(), signatures.size(), List.copyOf(findings),
                (System.nanoTime() - t0) / 1_000_000);
    }

    List<Finding> findings() {
        return findings;
    }

    /** Saves findings under target/fuzz-findings/DIR/SHA1.bin, to be turned into regression inputs. */
    static void save(List<Finding> findings, Path dir) throws Exception {
        for (Finding f : findings) {
            Path d = dir.resolve(f.target().directory);
            Files.createDirectories(d);
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(f.input()));
            Files.write(d.resolve(name + ".bin"), f.input());
        }
    }
}
