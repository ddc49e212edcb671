package io.dicomfind.camel;

import java.util.Map;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/** The {@code dicomfind:} component: DICOM C-FIND (findscu) for Camel routes. */
@Component("dicomfind")
public class DicomFindComponent extends HealthCheckComponent implements SSLContextParametersAware {
    @Metadata(description = "Defaults shared by all dicomfind endpoints")
    private DicomFindConfiguration configuration = new DicomFindConfiguration();
    @Metadata(label = "security", defaultValue = "false", description = "Enable usage of global SSL context parameters")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "advanced", autowired = true,
              description = "The network layer that opens associations; by default the component's own. Bind"
                            + " another (e.g. a test double) in the registry to replace it")
    private FindService findService;

    private final FindActivity activity = new FindActivity(null);
    private final AssociationPools pools = new AssociationPools();

    public DicomFindComponent() {
    }

    @Override
    protected DicomFindEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        DicomFindConfiguration config = configuration.copy();
        PeerAddress peer = PeerAddress.parse(remaining);
        // calledAet is a path part, so the configurer does not know it: take the query form by hand (host:port form)
        String calledAet = getAndRemoveParameter(parameters, "calledAet", String.class);
        if (peer.calledAeTitle() != null && calledAet != null && !calledAet.equals(peer.calledAeTitle())) {
            throw new IllegalArgumentException("dicomfind: called AE title given twice, '" + peer.calledAeTitle()
                    + "' before @ and calledAet=" + calledAet);
        }
        if (peer.calledAeTitle() != null) {
            config.setCalledAet(peer.calledAeTitle());
        } else if (calledAet != null) {
            config.setCalledAet(calledAet);
        }
        config.setHost(peer.host());
        config.setPort(peer.port());
        // key.<path>=value: findscu -k keys, several occurrences of one path are a List (multi-valued key)
        Map<String, Object> keys = PropertiesHelper.extractProperties(parameters, "key.");
        if (!keys.isEmpty()) {
            Map<String, Object> all = config.getKeys() != null ? config.getKeys() : new java.util.LinkedHashMap<>();
            all.putAll(keys);
            config.setKeys(all);
        }
        DicomFindEndpoint endpoint = new DicomFindEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        if (config.getSslContextParameters() == null) {
            config.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    /** The network layer: the bound {@link FindService}, else {@link NetFindService}. */
    FindService getOrCreateFindService() {
        if (findService == null) {
            findService = new NetFindService();
        }
        return findService;
    }

    /** The association pools of the endpoints with producerPoolEnabled. */
    AssociationPools pools() {
        return pools;
    }

    /**
     * Associations held open by the pools right now, in use or idle (0 without producerPoolEnabled, and after the
     * component stopped).
     */
    public int getPooledAssociations() {
        return pools.open();
    }

    /** Releases every pooled association: the endpoints have stopped, so none is in use. */
    @Override
    protected void doStop() throws Exception {
        pools.close();
        super.doStop();
    }

    /**
     * What all endpoints of this component did on the network; {@link FindActivity#getOpenAssociations()} is 0 when
     * no C-FIND or C-ECHO is running.
     */
    public FindActivity getActivity() {
        return activity;
    }

    public DicomFindConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DicomFindConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public FindService getFindService() {
        return findService;
    }

    public void setFindService(FindService findService) {
        this.findService = findService;
    }
}
