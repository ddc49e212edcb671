package io.dicomfind.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * Dev console {@code dicomfind}: per component and per endpoint, the associations open now and in total, the
 * C-FINDs run, the responses read, failures, C-ECHOs, and the last final status or error; per association pool
 * (producerPoolEnabled), the associations open, idle and in use, and how many were created, destroyed and reused.
 * Text and JSON.
 */
@DevConsole(name = "dicomfind", displayName = "DICOM C-FIND", description = "DICOM C-FIND associations and queries")
public class DicomFindDevConsole extends AbstractDevConsole {

    public DicomFindDevConsole() {
        super("camel", "dicomfind", "DICOM C-FIND", "DICOM C-FIND associations and queries");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        DicomFindComponent component = component();
        if (component == null) {
            return "dicomfind component not in use";
        }
        sb.append("dicomfind: ").append(line(component.getActivity().toMap())).append('\n');
        for (DicomFindEndpoint e : endpoints()) {
            sb.append("  ").append(e.getSettings().peer()).append(" (").append(e.getSettings().sopClassUid())
                    .append("): ").append(line(e.getActivity().toMap())).append('\n');
            String requested = requestedNegotiation(e);
            if (requested != null) {
                sb.append("    requested: ").append(requested).append('\n');
            }
        }
        for (Map<String, Object> pool : component.pools().figures()) {
            sb.append("  pool ").append(line(pool)).append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> root = new LinkedHashMap<>();
        DicomFindComponent component = component();
        if (component == null) {
            return root;
        }
        root.putAll(component.getActivity().toMap());
        List<Map<String, Object>> list = new ArrayList<>();
        for (DicomFindEndpoint e : endpoints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uri", e.getEndpointBaseUri());
            m.put("peer", e.getSettings().peer());
            m.put("sopClassUid", e.getSettings().sopClassUid());
            String requested = requestedNegotiation(e);
            if (requested != null) {
                m.put("requestedNegotiation", requested);
            }
            m.putAll(e.getActivity().toMap());
            list.add(m);
        }
        root.put("endpoints", list);
        root.put("pools", component.pools().figures());
        return root;
    }

    /** The extended negotiation and user identity the endpoint asks for; the identity masked (describe()). */
    private static String requestedNegotiation(DicomFindEndpoint e) {
        io.dicomfind.dicom.net.AssociationConfig a = e.getSettings().association();
        StringBuilder sb = new StringBuilder();
        if (!a.queryOptions().isEmpty()) {
            sb.append("extended negotiation ").append(String.join(",", a.queryOptions().stream().sorted()
                    .map(NegotiationSettings::optionName).toList()));
        }
        if (a.userIdentity() != null) {
            sb.append(sb.length() > 0 ? "; " : "").append("user identity ").append(a.userIdentity().describe())
                    .append(a.userIdentity().positiveResponseRequested() ? " (positive response requested)" : "");
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private DicomFindComponent component() {
        return getCamelContext().hasComponent("dicomfind") instanceof DicomFindComponent c ? c : null;
    }

    private List<DicomFindEndpoint> endpoints() {
        List<DicomFindEndpoint> out = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof DicomFindEndpoint d && d.getActivity() != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static String line(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append('=').append(v));
        return sb.toString();
    }
}
