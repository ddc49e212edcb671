package io.dicomfind.camel;

import io.dicomfind.dicom.net.DimseStatus;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The {@link FindService} of an endpoint with {@code producerPoolEnabled}: C-FINDs borrow their association from the
 * component's pool for their settings, and closing the session gives it back. The C-ECHO of the health check still
 * runs on an association of its own, so that it proves the peer accepts new associations.
 */
final class PooledFindService implements FindService {
    private final AssociationPools pools;
    private final Supplier<FindService> network;
    private final PoolSettings poolSettings;
    /**
     * The pool of the settings object last asked for: an endpoint passes the same one to every exchange (only a
     * per-exchange called AE title makes another), so that the key is not rebuilt and hashed per C-FIND.
     */
    private volatile Cached last;

    private record Cached(FindSettings settings, AssociationPool pool) {
    }

    PooledFindService(AssociationPools pools, Supplier<FindService> network, PoolSettings poolSettings) {
        this.pools = pools;
        this.network = network;
        this.poolSettings = poolSettings;
    }

    @Override
    public FindSession open(FindSettings settings) throws IOException {
        return pool(settings).borrow();
    }

    @Override
    public FindSession openFresh(FindSettings settings) throws IOException {
        return pool(settings).borrowFresh();
    }

    private AssociationPool pool(FindSettings settings) {
        Cached c = last;
        if (c != null && c.settings() == settings && c.pool().isOpen()) {
            return c.pool();
        }
        AssociationPool pool = pools.pool(network.get(), settings, poolSettings);
        last = new Cached(settings, pool);
        return pool;
    }

    @Override
    public DimseStatus echo(FindSettings settings) throws IOException {
        return network.get().echo(settings);
    }

    /** The pool these settings use, or null before their first C-FIND. */
    AssociationPool poolFor(FindSettings settings) {
        return pools.existing(settings, poolSettings);
    }
}
