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

    PooledFindService(AssociationPools pools, Supplier<FindService> network, PoolSettings poolSettings) {
        this.pools = pools;
        this.network = network;
        this.poolSettings = poolSettings;
    }

    @Override
    public FindSession open(FindSettings settings) throws IOException {
        return pools.pool(network.get(), settings, poolSettings).borrow();
    }

    @Override
    public FindSession openFresh(FindSettings settings) throws IOException {
        return pools.pool(network.get(), settings, poolSettings).borrowFresh();
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
