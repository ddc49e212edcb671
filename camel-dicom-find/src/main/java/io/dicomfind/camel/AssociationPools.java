package io.dicomfind.camel;

import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * The component's association pools, one per association identity and pool options, shared by every endpoint (and
 * every per-exchange override of the called AE title) that asks for the same: so that {@code producerPoolMaxTotal}
 * bounds what all routes together open to one peer with one calling AE title. Pools are closed with the component.
 */
final class AssociationPools implements AutoCloseable {

    /**
     * What makes two associations interchangeable: the peer, the AE titles, the TLS socket factory (its identity:
     * one per endpoint's sslContextParameters and tlsProfile), the proposed presentation contexts and transfer
     * syntaxes, the negotiated PDU size and implementation identity, and every limit and timer the association
     * applies while it lives. Only the priority travels with each C-FIND. The pool options are part of the key.
     */
    record Key(String host, int port, String callingAeTitle, String calledAeTitle, List<String> abstractSyntaxes,
            TransferSyntaxProposal proposal, int maxPduLength, int unlimitedPduCap, SocketFactory socketFactory,
            String implementationClassUid, String implementationVersionName, Duration connectTimeout,
            Duration socketTimeout, Duration acseTimeout, Duration dimseTimeout, Duration artimTimeout,
            int maxResponses, int deflateLevel, boolean newVRs, DecodeLimits decodeLimits, boolean abort,
            PoolSettings pool) {

        static Key of(FindSettings s, PoolSettings pool) {
            AssociationConfig c = s.association();
            return new Key(c.host(), c.port(), c.callingAeTitle(), c.calledAeTitle(), c.abstractSyntaxes(),
                    c.proposal(), c.maxPduLength(), c.unlimitedPduCap(), c.socketFactory(),
                    c.implementationClassUid(), c.implementationVersionName(), c.connectTimeout(), c.socketTimeout(),
                    c.acseTimeout(), c.dimseTimeout(), c.artimTimeout(), c.maxResponses(), c.deflateLevel(),
                    c.newVRs(), c.decodeLimits(), s.abort(), pool);
        }
    }

    private final Map<Key, AssociationPool> pools = new ConcurrentHashMap<>();

    /** The pool for these settings, created on first use. */
    AssociationPool pool(FindService service, FindSettings settings, PoolSettings pool) {
        return pools.computeIfAbsent(Key.of(settings, pool), k -> new AssociationPool(service, settings, pool));
    }

    /** The pool for these settings if one was created, else null. */
    AssociationPool existing(FindSettings settings, PoolSettings pool) {
        return pools.get(Key.of(settings, pool));
    }

    /** Every pool's figures (dev console). */
    List<Map<String, Object>> figures() {
        List<Map<String, Object>> out = new ArrayList<>();
        pools.values().forEach(p -> out.add(p.figures()));
        return out;
    }

    /** Associations open in all pools, in use or idle. */
    int open() {
        return pools.values().stream().mapToInt(AssociationPool::open).sum();
    }

    /** Releases every idle association and closes the pools; the component restarts with new ones. */
    @Override
    public void close() {
        pools.values().forEach(AssociationPool::close);
        pools.clear();
    }
}
