package io.dicomfind.camel.cluster.zookeeper;

import io.dicomfind.camel.DicomFindEndpoint;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/**
 * One cluster member in this JVM: a CamelContext with its own cluster service and the polling route under
 * {@code ClusteredRoutePolicy.forNamespace(service, "worklist")}; what it routes is added to a shared list, tagged
 * with the node name.
 */
final class ClusterNode implements AutoCloseable {
    static final String NAMESPACE = "worklist";

    record Event(String node, String type, String key, long atNanos) {
    }

    final String name;
    final CamelContext context;
    final CamelClusterService service;
    private final DicomFindEndpoint endpoint;

    ClusterNode(String name, CamelClusterService service, String uri, Object store, List<Event> events)
            throws Exception {
        this.name = name;
        this.service = service;
        service.setId(name);
        context = new DefaultCamelContext();
        context.getRegistry().bind("store", store);
        context.addService(service);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from(uri + "&changeSnapshotStore=#store").routeId("worklist")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(service, NAMESPACE))
                        .process(e -> events.add(event(name, e)));
            }
        });
        context.start();
        endpoint = (DicomFindEndpoint) context.getRoute("worklist").getEndpoint();
    }

    private static Event event(String node, Exchange e) {
        return new Event(node, e.getMessage().getHeader("CamelDicomFindChangeType", String.class),
                e.getMessage().getHeader("CamelDicomFindItemKey", String.class), System.nanoTime());
    }

    boolean isLeader() {
        return service.isLeader(NAMESPACE);
    }

    boolean isPolling() {
        return context.getRouteController().getRouteStatus("worklist") == ServiceStatus.Started;
    }

    DicomFindEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + name, e);
        }
    }
}
