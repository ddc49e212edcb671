package io.dicomfind.camel;

import java.time.Duration;

/**
 * The {@code producerPool*} options of an endpoint, as the pool needs them; endpoints that agree on them and on the
 * association share one pool.
 */
record PoolSettings(int maxTotal, int minIdle, int maxIdle, Duration minEvictableIdle, boolean blockWhenExhausted,
        Duration maxWait) {

    static PoolSettings of(DicomFindConfiguration c) {
        if (c.getProducerPoolMaxTotal() == 0 || c.getProducerPoolMaxTotal() < -1) {
            throw new IllegalArgumentException("dicomfind: producerPoolMaxTotal must be positive or -1 (no limit), was "
                    + c.getProducerPoolMaxTotal());
        }
        if (c.getProducerPoolMinIdle() < 0) {
            throw new IllegalArgumentException("dicomfind: producerPoolMinIdle must not be negative, was "
                    + c.getProducerPoolMinIdle());
        }
        if (c.getProducerPoolMinEvictableIdle() <= 0) {
            throw new IllegalArgumentException("dicomfind: producerPoolMinEvictableIdle must be positive, was "
                    + c.getProducerPoolMinEvictableIdle() + " ms");
        }
        if (c.getProducerPoolMaxTotal() > 0 && c.getProducerPoolMinIdle() > c.getProducerPoolMaxTotal()) {
            throw new IllegalArgumentException("dicomfind: producerPoolMinIdle " + c.getProducerPoolMinIdle()
                    + " exceeds producerPoolMaxTotal " + c.getProducerPoolMaxTotal());
        }
        return new PoolSettings(c.getProducerPoolMaxTotal(), c.getProducerPoolMinIdle(), c.getProducerPoolMaxIdle(),
                Duration.ofMillis(c.getProducerPoolMinEvictableIdle()), c.isProducerPoolBlockWhenExhausted(),
                c.getProducerPoolMaxWait() <= 0 ? null : Duration.ofMillis(c.getProducerPoolMaxWait()));
    }

    /**
     * How often idle associations are checked and the old ones released: half the idle time, so that none idles much
     * longer than asked, within 100 ms and 5 s, so that a peer's A-RELEASE-RQ on an idle association is answered
     * within 5 s even when nobody queries (the check reads only what has arrived; it costs no round trip).
     */
    Duration evictionInterval() {
        long half = minEvictableIdle.toMillis() / 2;
        return Duration.ofMillis(Math.max(100, Math.min(5_000, half)));
    }
}
