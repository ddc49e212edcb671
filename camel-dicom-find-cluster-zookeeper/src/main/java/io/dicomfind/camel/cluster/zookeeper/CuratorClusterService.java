package io.dicomfind.camel.cluster.zookeeper;

import java.util.UUID;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.util.ObjectHelper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.ZKPaths;

/**
 * A {@link org.apache.camel.cluster.CamelClusterService} on ZooKeeper: one Curator {@code LeaderLatch} per namespace
 * under {@link #setBasePath basePath}, so that {@code ClusteredRoutePolicy.forNamespace(ns)} or {@code master:ns:uri}
 * runs a route on exactly one member. Camel Main and Spring Boot pick it up as a bean; no other configuration.
 *
 * <p>Failover: a member that stops cleanly deletes its latch node and the next member leads at once. A member that
 * dies ({@code kill -9}, power loss, partition) holds its node until ZooKeeper expires its session, i.e. after
 * {@link #setSessionTimeout sessionTimeout} (negotiated by the server within 2 to 20 of its {@code tickTime}). A
 * member that loses its connection steps down as soon as Curator reports it SUSPENDED (Curator's standard
 * connection-state error policy), before the session expires, so two members never lead at once for longer than the
 * time it takes a route to stop.
 */
public class CuratorClusterService extends AbstractCamelClusterService<CuratorClusterView> {
    private String connectString;
    private String basePath = "/dicomfind/cluster";
    private long sessionTimeout = 10_000;
    private long connectionTimeout = 5_000;
    private long retryBaseSleep = 500;
    private int retryMaxAttempts = 10;
    private CuratorFramework client;
    private boolean ownClient;

    public CuratorClusterService() {
    }

    public CuratorClusterService(String connectString) {
        this.connectString = connectString;
    }

    @Override
    protected void doStart() throws Exception {
        if (getId() == null) {
            setId("dicomfind-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        }
        if (client == null) {
            if (ObjectHelper.isEmpty(connectString)) {
                throw new IllegalArgumentException("CuratorClusterService " + getId() + ": no connectString (the"
                        + " ZooKeeper servers, host:port[,host:port...]) and no CuratorFramework client set");
            }
            client = CuratorFrameworkFactory.builder()
                    .connectString(connectString)
                    .sessionTimeoutMs(Math.toIntExact(sessionTimeout))
                    .connectionTimeoutMs(Math.toIntExact(connectionTimeout))
                    .retryPolicy(new ExponentialBackoffRetry(Math.toIntExact(retryBaseSleep), retryMaxAttempts))
                    .build();
            ownClient = true;
        }
        if (ownClient) {
            client.start();
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            super.doStop();
        } finally {
            if (ownClient && client != null) {
                client.close();
                client = null;
            }
        }
    }

    @Override
    protected CuratorClusterView createView(String namespace) {
        return new CuratorClusterView(this, namespace, this::getClient, ZKPaths.makePath(basePath, namespace));
    }

    /** ZooKeeper servers, {@code host:port[,host:port...]} (ZooKeeper's connect string). */
    public String getConnectString() {
        return connectString;
    }

    public void setConnectString(String connectString) {
        this.connectString = connectString;
    }

    /** The znode under which each namespace has its latch; default {@code /dicomfind/cluster}. */
    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    /** ZooKeeper session timeout in milliseconds (default 10000): how long a dead leader keeps leading. */
    public long getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(long sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    /** Milliseconds to wait for a connection (default 5000). */
    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    /** Base sleep of Curator's exponential back-off retry in milliseconds (default 500). */
    public long getRetryBaseSleep() {
        return retryBaseSleep;
    }

    public void setRetryBaseSleep(long retryBaseSleep) {
        this.retryBaseSleep = retryBaseSleep;
    }

    /** Retries of one ZooKeeper operation (default 10). */
    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    /** A Curator client of the application's own, started and closed by it; connectString is then not used. */
    public CuratorFramework getClient() {
        return client;
    }

    public void setClient(CuratorFramework client) {
        this.client = client;
        this.ownClient = false;
    }
}
