package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.Priority;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open associations to one peer with one set of AE titles, TLS settings and presentation contexts, lent to one C-FIND
 * at a time (we negotiate no asynchronous operations window, PS3.7 D.3.3.3, so one request is outstanding per
 * association). Backed by commons-pool2 as camel-netty's producer pool: an association is checked without blocking
 * when lent out ({@link FindSession#isReusable()}: open, idle, not ended by the peer) and while idle, and released
 * (A-RELEASE) when it idled for {@code minEvictableIdle}, when it would exceed {@code maxIdle}, and when the pool
 * closes. Thread-safe.
 */
final class AssociationPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssociationPool.class);

    private final FindSettings settings;
    private final GenericObjectPool<Pooled> pool;
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    AssociationPool(FindService service, FindSettings settings, PoolSettings p) {
        this.settings = settings;
        GenericObjectPoolConfig<Pooled> c = new GenericObjectPoolConfig<>();
        c.setMaxTotal(p.maxTotal());
        c.setMinIdle(p.minIdle());
        c.setMaxIdle(p.maxIdle());
        c.setBlockWhenExhausted(p.blockWhenExhausted());
        if (p.maxWait() != null) {
            c.setMaxWait(p.maxWait());
        }
        c.setMinEvictableIdleDuration(p.minEvictableIdle());
        c.setTimeBetweenEvictionRuns(p.evictionInterval());
        c.setNumTestsPerEvictionRun(-1); // every idle association, each run
        c.setTestOnBorrow(true);
        c.setTestWhileIdle(true); // answers a peer's A-RELEASE-RQ promptly even when nobody queries
        c.setLifo(true); // the most recently used first: the others may idle out
        c.setJmxEnabled(false); // the dev console and the health check show the figures
        this.pool = new GenericObjectPool<>(new Factory(service, settings), c);
    }

    /**
     * Lends an association: an idle one that passed {@link FindSession#isReusable()}, else a new one.
     *
     * @throws IOException the association could not be opened (as without a pool), or the pool stayed exhausted
     *                     for {@code maxWait} ({@link PoolExhaustedException})
     */
    FindSession borrow() throws IOException {
        try {
            Lent lent = new Lent(pool.borrowObject());
            if (lent.reused) {
                reused.incrementAndGet();
            }
            return lent;
        } catch (IOException | RuntimeException e) {
            if (e instanceof NoSuchElementException && !(e.getCause() instanceof IOException)) {
                throw new PoolExhaustedException(settings.peer() + ": all " + pool.getMaxTotal()
                        + " pooled associations are in use (producerPoolMaxTotal) and " + (pool.getBlockWhenExhausted()
                                ? "none came free within " + pool.getMaxWaitDuration().toMillis()
                                        + " ms (producerPoolMaxWait)"
                                : "producerPoolBlockWhenExhausted is false"));
            }
            throw e;
        } catch (Exception e) {
            throw new IOException(settings.peer() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lends an association that carried no earlier C-FIND: idle ones that did are released on the way, because when
     * a reused one turned out to be ended by the peer, the others have idled at least as long (the most recently
     * used is lent first). Bounded: each turn destroys one association that carried a C-FIND.
     */
    FindSession borrowFresh() throws IOException {
        retried.incrementAndGet();
        for (int turn = 0; ; turn++) {
            Lent lent = (Lent) borrow();
            if (!lent.reused || turn > Math.max(pool.getMaxTotal(), pool.getMaxIdle())) {
                return lent;
            }
            lent.discard();
        }
    }

    /** The pool's figures: open (in use + idle), idle, in use, created, destroyed, reused, retried. */
    Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer", settings.peer());
        m.put("callingAet", settings.association().callingAeTitle());
        m.put("sopClassUid", settings.sopClassUid());
        m.put("open", pool.getNumActive() + pool.getNumIdle());
        m.put("idle", pool.getNumIdle());
        m.put("inUse", pool.getNumActive());
        m.put("created", pool.getCreatedCount());
        m.put("destroyed", pool.getDestroyedCount());
        m.put("reused", reused.get());
        m.put("retried", retried.get()); // C-FINDs sent again after the peer had ended a reused association
        m.put("maxTotal", pool.getMaxTotal());
        return m;
    }

    int open() {
        return pool.getNumActive() + pool.getNumIdle();
    }

    FindSettings settings() {
        return settings;
    }

    /** False once closed (the component stopped): a new pool is made for the next C-FIND. */
    boolean isOpen() {
        return !pool.isClosed();
    }

    /** Releases the idle associations; those in use are released as they come back. */
    @Override
    public void close() {
        pool.close();
    }

    /** The pool stayed exhausted for producerPoolMaxWait. */
    static final class PoolExhaustedException extends IOException {
        private static final long serialVersionUID = 1L;

        PoolExhaustedException(String message) {
            super(message);
        }
    }

    /** A pooled association and how many C-FINDs it carried; only its borrower touches it. */
    private static final class Pooled {
        final FindSession session;
        int uses;

        Pooled(FindSession session) {
            this.session = session;
        }
    }

    /** A lent association: closing it gives it back, or destroys it when it cannot carry another C-FIND. */
    private final class Lent implements FindSession {
        private final Pooled pooled;
        private final boolean reused;
        private boolean returned;

        Lent(Pooled pooled) {
            this.pooled = pooled;
            this.reused = pooled.uses > 0;
        }

        @Override
        public FindCursor find(String sopClassUid, Attributes identifier, Priority priority) throws IOException {
            pooled.uses++;
            return pooled.session.find(sopClassUid, identifier, priority);
        }

        @Override
        public boolean isReused() {
            return reused;
        }

        @Override
        public boolean isReusable() {
            return pooled.session.isReusable();
        }

        /** Gives it back to be destroyed (released), whatever its state. */
        void discard() {
            returned = true;
            try {
                pool.invalidateObject(pooled);
            } catch (Exception e) {
                LOG.debug("{}: discarding a pooled association: {}", settings.peer(), e.toString());
            }
        }

        /** The C-FIND was read to its end or cancelled and drained (FindRun closes the cursor first). */
        @Override
        public void close() {
            if (returned) {
                return;
            }
            returned = true;
            try {
                if (pooled.session.isReusable()) {
                    pool.returnObject(pooled);
                } else {
                    pool.invalidateObject(pooled); // broken, aborted or ended by the peer: released and replaced
                }
            } catch (Exception e) {
                LOG.debug("{}: giving back a pooled association: {}", settings.peer(), e.toString());
            }
        }

        @Override
        public String toString() {
            return "pooled " + pooled.session;
        }
    }

    /** Opens and releases the pooled associations. */
    private static final class Factory extends BasePooledObjectFactory<Pooled> {
        private final FindService service;
        private final FindSettings settings;

        Factory(FindService service, FindSettings settings) {
            this.service = service;
            this.settings = settings;
        }

        @Override
        public Pooled create() throws IOException {
            Pooled p = new Pooled(service.open(settings));
            LOG.debug("{}: pooled association opened", settings.peer());
            return p;
        }

        @Override
        public PooledObject<Pooled> wrap(Pooled p) {
            return new DefaultPooledObject<>(p);
        }

        @Override
        public boolean validateObject(PooledObject<Pooled> p) {
            return p.getObject().session.isReusable();
        }

        @Override
        public void destroyObject(PooledObject<Pooled> p) {
            try {
                p.getObject().session.close(); // A-RELEASE, or A-ABORT with abort=true; nothing if the peer ended it
                LOG.debug("{}: pooled association closed", settings.peer());
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: releasing a pooled association: {}", settings.peer(), e.toString());
            }
        }
    }
}
