package io.dicomfind.examples.springboot;

import java.util.function.Supplier;
import org.springframework.boot.test.system.CapturedOutput;

/** What the example printed: waiting for lines, counting them. */
final class ExampleOutput {

    private ExampleOutput() {
    }

    /** Waits until every line is in the output, else fails with the output. */
    static void awaitLines(CapturedOutput output, int seconds, String... lines) throws InterruptedException {
        awaitLines(output::getOut, seconds, lines);
    }

    static void awaitLines(Supplier<String> output, int seconds, String... lines) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            String out = output.get();
            boolean all = true;
            for (String line : lines) {
                all &= out.contains(line);
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not logged within " + seconds + " s: " + String.join(" | ", lines)
                        + "\n--- output ---\n" + out);
            }
            Thread.sleep(100);
        }
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
