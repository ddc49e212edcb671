package io.dicomfind.examples.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's command line: {@code [--duration 15s] [--poll 2s] [--late-order 5s] [--station CT01] [--output DIR]}.
 *
 * @param duration   how long the demo runs before it stops itself (whole seconds, at least 1)
 * @param poll       delay between two worklist polls
 * @param lateOrder  when the new order arrives at the RIS, after the start
 * @param station    the Scheduled Station AE Title whose worklist is polled
 * @param output     where the DICOM JSON files go (emptied first)
 */
public record DemoOptions(Duration duration, Duration poll, Duration lateOrder, String station, Path output) {

    public static final String USAGE = "usage: demo [--duration 15s] [--poll 2s] [--late-order 5s] [--station CT01]"
            + " [--output DIR]   (durations as 500ms, 20s or 1m)";

    public static DemoOptions defaults() {
        return new DemoOptions(Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofSeconds(5), "CT01",
                Path.of("demo-output"));
    }

    /** @throws IllegalArgumentException naming the option, for anything not understood */
    public static DemoOptions parse(String... args) {
        DemoOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value; " + USAGE);
            }
            String value = args[++i];
            o = switch (name) {
                case "--duration" -> new DemoOptions(duration(name, value), o.poll, o.lateOrder, o.station, o.output);
                case "--poll" -> new DemoOptions(o.duration, duration(name, value), o.lateOrder, o.station, o.output);
                case "--late-order" -> new DemoOptions(o.duration, o.poll, duration(name, value), o.station, o.output);
                case "--station" -> new DemoOptions(o.duration, o.poll, o.lateOrder, value, o.output);
                case "--output" -> new DemoOptions(o.duration, o.poll, o.lateOrder, o.station, Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            };
        }
        if (o.duration.toSeconds() < 1) {
            throw new IllegalArgumentException("--duration must be at least 1s");
        }
        return o;
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m}. */
    static Duration duration(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a duration such as 500ms, 20s or 1m, not '" + text + "'");
    }
}
