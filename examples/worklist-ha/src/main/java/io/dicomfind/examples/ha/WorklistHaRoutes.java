package io.dicomfind.examples.ha;

import io.dicomfind.camel.change.JdbcChangeSnapshotStore;
import io.dicomfind.camel.cluster.zookeeper.CuratorClusterService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The node's one route: on the leader of namespace {@value #NAMESPACE} only (ClusteredRoutePolicy on a
 * CuratorClusterService), poll the worklist with changeTracking, the snapshot in PostgreSQL, and upsert every change
 * into {@code worklist_changes}.
 */
final class WorklistHaRoutes extends RouteBuilder {
    static final String NAMESPACE = "worklist-ha";

    /** The return keys: a change to any of them is CHANGED. */
    static final String RETURN_KEYS = "&key.PatientName=&key.PatientID=&key.AccessionNumber=&key.StudyInstanceUID="
            + "&key.RequestedProcedureID="
            + "&key.ScheduledProcedureStepSequence.ScheduledProcedureStepID="
            + "&key.ScheduledProcedureStepSequence.ScheduledProcedureStepStartTime="
            + "&key.ScheduledProcedureStepSequence.Modality=";

    private final NodeConfig config;

    WorklistHaRoutes(NodeConfig config) {
        this.config = config;
    }

    @Override
    public void configure() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.jdbcUrl());
        ds.setUser(config.jdbcUser());
        if (config.jdbcPassword() != null) {
            ds.setPassword(config.jdbcPassword());
        }
        JdbcChangeSnapshotStore snapshots = new JdbcChangeSnapshotStore(ds);
        Schema.create(ds, snapshots);
        getContext().getRegistry().bind("snapshots", snapshots);

        CuratorClusterService cluster = new CuratorClusterService(config.zooKeeper());
        cluster.setId(config.nodeId());
        cluster.setSessionTimeout(config.zooKeeperSessionTimeout());
        cluster.setConnectionTimeout(Math.min(5_000, config.zooKeeperSessionTimeout()));
        getContext().addService(cluster);

        from("dicomfind:" + config.scp() + "?callingAet=DICOMFIND-HA&changeTracking=true"
                + "&changeSnapshotStore=#snapshots&changeSnapshotName=" + NAMESPACE
                + "&delay=" + config.periodMillis() + "&initialDelay=0" + RETURN_KEYS
                + "&key.ScheduledProcedureStepSequence.ScheduledStationAETitle=" + config.station()
                + "&key.ScheduledProcedureStepSequence.ScheduledProcedureStepStartDate=" + config.date())
                .routeId("worklist-ha")
                .routePolicy(ClusteredRoutePolicy.forNamespace(cluster, NAMESPACE))
                .process(new ChangeRecorder(ds, snapshots, NAMESPACE, config.nodeId()));
    }

}
