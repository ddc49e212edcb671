package io.dicomfind.dicom.net.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Our one key and certificate chain ({@code +tls}), or none ({@code +tla}). Remembers per socket whether a server
 * asked for a client certificate and got none, so that a later "handshake_failure" alert can be reported as "the
 * peer requires a client certificate" instead of a vague failure.
 */
final class OwnKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "dicomfind";

    private final PrivateKey key;
    private final X509Certificate[] chain;
    /** Socket to "a certificate was chosen"; an entry with false: asked for, none sent. */
    private final Map<Object, Boolean> requests = Collections.synchronizedMap(new WeakHashMap<>());

    OwnKeyManager(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain;
    }

    boolean hasCertificate() {
        return key != null;
    }

    X509Certificate certificate() {
        return chain == null ? null : chain[0];
    }

    /** Whether the server on this connection asked for our certificate and we had none to send. */
    boolean certificateRequestedButNotSent(Object connection) {
        return Boolean.FALSE.equals(requests.get(connection));
    }

    /** Whether the server on this connection asked for a client certificate at all. */
    boolean certificateRequested(Object connection) {
        return requests.containsKey(connection);
    }

    private String choose(String[] keyTypes, Object connection) {
        String alias = null;
        if (key != null && keyTypes != null) {
            for (String t : keyTypes) {
                if (matches(t)) {
                    alias = ALIAS;
                    break;
                }
            }
        }
        if (connection != null) {
            boolean sent = alias != null;
            requests.merge(connection, sent, (a, b) -> a || b);
        }
        return alias;
    }

    private boolean matches(String keyType) {
        String alg = key.getAlgorithm();
        return keyType.equalsIgnoreCase(alg) || (keyType.equals("EdDSA") && alg.startsWith("Ed"));
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return key != null && matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return key != null && matches(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return key != null && matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) && chain != null ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }
}
