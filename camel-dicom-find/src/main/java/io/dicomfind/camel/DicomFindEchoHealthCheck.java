package io.dicomfind.camel;

import io.dicomfind.dicom.net.DimseStatus;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a dicomfind producer: a C-ECHO (PS3.7 9.1.5) on an association of its own that proposes only the
 * Verification SOP class (PS3.4 A), released at once. UP when the peer answers 0000 Success; DOWN with the reason
 * (connection refused, A-ASSOCIATE-RJ reason in words, TLS handshake failure in words, timeout, another status)
 * otherwise. With sslContextParameters the echo runs over the endpoint's DICOM TLS, as its C-FINDs do. With
 * producerPoolEnabled the details show the endpoint's pool ({@code pool.open}, {@code pool.idle}, {@code pool.inUse},
 * {@code pool.created}, {@code pool.destroyed}, {@code pool.reused}); the echo still opens an association of its own,
 * so that it proves the peer accepts new ones. Registered
 * by the producer when it starts, with id {@code producer:dicomfind-<called AE>@<host>:<port>}, and unregistered
 * when it stops.
 */
public class DicomFindEchoHealthCheck extends AbstractHealthCheck {
    private final DicomFindEndpoint endpoint;

    public DicomFindEchoHealthCheck(DicomFindEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false; // a peer that is down does not make this JVM dead
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FindSettings settings = endpoint.getSettings();
        builder.detail("peer", settings.peer());
        builder.detail("callingAet", settings.association().callingAeTitle());
        Map<String, Object> pool = endpoint.poolFigures();
        if (pool != null) {
            for (String k : new String[] {"open", "idle", "inUse", "created", "destroyed", "reused"}) {
                builder.detail("pool." + k, pool.get(k));
            }
        }
        FindActivity activity = endpoint.getActivity();
        activity.associationOpened();
        try {
            DimseStatus status = endpoint.getComponent().getOrCreateFindService().echo(settings);
            activity.echoed();
            builder.detail("echoStatus", status.toString());
            if (status.isSuccess()) {
                builder.up();
            } else {
                builder.message("C-ECHO to " + settings.peer() + " answered " + status).down();
            }
        } catch (java.io.IOException e) {
            DicomFindAssociationException ex = DicomFindAssociationException.of(settings.peer(), "C-ECHO", e);
            builder.detail("reason", ex.getReason().name());
            if (ex.getReasonText() != null) {
                builder.detail("reasonText", ex.getReasonText());
            }
            if (ex instanceof DicomFindTlsException tls) {
                builder.detail("tlsReason", tls.getTlsReason().name());
            }
            // message and details, no error(ex): health reports (Spring Boot's actuator, Camel's health endpoints) render
            // an attached exception with its stack trace, and a user is never shown one
            builder.message(ex.getMessage()).down();
        } catch (RuntimeException e) {
            builder.message("C-ECHO to " + settings.peer() + " failed: " + e.getMessage()).down();
        } finally {
            activity.associationClosed();
        }
    }
}
