package io.dicomfind.examples.polling;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An ActiveMQ Artemis broker inside the application, so the example needs no broker installation. Not persistent, no
 * security: for trying things out. Added to the CamelContext as a service, it starts before the routes and stops
 * after them. With a broker of your own, set {@code broker.embedded=false} and point {@code broker.url} at it.
 */
public class EmbeddedBroker extends ServiceSupport {
    private final String acceptors;
    private EmbeddedActiveMQ server;

    /** @param acceptors comma-separated Artemis acceptor URLs, e.g. {@code vm://0} or {@code tcp://127.0.0.1:61616} */
    public EmbeddedBroker(String acceptors) {
        this.acceptors = acceptors;
    }

    @Override
    protected void doStart() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory("target/artemis/journal"); // unused without persistence, but must be set
        // undeliverable and expired messages go to queues of their own, instead of being dropped
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        int n = 0;
        for (String url : acceptors.split(",")) {
            config.addAcceptorConfiguration("acceptor-" + n++, url.strip());
        }
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
