package io.dicomfind.camel.cluster.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of a {@link CuratorClusterService}: a Curator {@link LeaderLatch} at {@code path} whose participant
 * id is the service id. Leadership changes reported by the latch become Camel cluster events, which is all
 * {@code ClusteredRoutePolicy} listens to.
 */
final class CuratorClusterView extends AbstractCamelClusterView {
    private static final Logger LOG = LoggerFactory.getLogger(CuratorClusterView.class);

    private final Supplier<CuratorFramework> client;
    private final String path;
    private final LocalMember local = new LocalMember();
    private volatile LeaderLatch latch;

    /** {@code client} is asked for when the view starts: a view may be created before its service started. */
    CuratorClusterView(CamelClusterService service, String namespace, Supplier<CuratorFramework> client,
            String path) {
        super(service, namespace);
        this.client = client;
        this.path = path;
    }

    @Override
    protected void doStart() throws Exception {
        LeaderLatch l = new LeaderLatch(client.get(), path, getClusterService().getId(), LeaderLatch.CloseMode.NOTIFY_LEADER);
        l.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("{} leads namespace {} ({})", getClusterService().getId(), getNamespace(), path);
                fireLeadershipChangedEvent(local);
            }

            @Override
            public void notLeader() {
                LOG.info("{} no longer leads namespace {}", getClusterService().getId(), getNamespace());
                // Not getLeader(): when the connection is lost, asking ZooKeeper who leads would block in
                // Curator's retries while our routes keep running. Who leads now is not known here anyway.
                fireLeadershipChangedEvent(Optional.empty());
            }
        });
        latch = l;
        l.start();
    }

    @Override
    protected void doStop() throws Exception {
        LeaderLatch l = latch;
        latch = null;
        if (l != null) {
            l.close(); // deletes our node: the next member leads without waiting for a session to expire
        }
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        LeaderLatch l = latch;
        if (l == null) {
            return Optional.empty();
        }
        if (l.hasLeadership()) {
            return Optional.of(local);
        }
        try {
            Participant p = l.getLeader();
            return p.isLeader() ? Optional.of(new RemoteMember(p.getId(), true)) : Optional.empty();
        } catch (Exception e) {
            LOG.debug("namespace {}: leader unknown: {}", getNamespace(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        LeaderLatch l = latch;
        List<CamelClusterMember> members = new ArrayList<>();
        if (l == null) {
            return members;
        }
        try {
            for (Participant p : l.getParticipants()) {
                members.add(p.getId().equals(local.getId()) ? local : new RemoteMember(p.getId(), p.isLeader()));
            }
        } catch (Exception e) {
            LOG.debug("namespace {}: members unknown: {}", getNamespace(), e.getMessage());
        }
        return members;
    }

    private final class LocalMember implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            LeaderLatch l = latch;
            return l != null && l.hasLeadership();
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return getClusterService().getId();
        }

        @Override
        public String toString() {
            return getId() + " (local)";
        }
    }

    private record RemoteMember(String id, boolean leader) implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            return leader; // as ZooKeeper said when asked
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public String getId() {
            return id;
        }
    }
}
