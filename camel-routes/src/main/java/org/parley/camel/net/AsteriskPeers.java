package org.parley.camel.net;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code parley.asterisk.allowed-hosts}: the Asterisk servers, the only hosts whose FastAGI and
 * AudioSocket connections are served.
 */
@ApplicationScoped
public class AsteriskPeers {

    @Inject
    @ConfigProperty(name = "parley.asterisk.allowed-hosts", defaultValue = "127.0.0.1,::1")
    String hosts;

    private volatile AllowedPeers allowed;

    public AllowedPeers allowed() {
        AllowedPeers a = allowed;
        if (a == null) {
            a = AllowedPeers.parse(hosts);
            allowed = a;
        }
        return a;
    }
}
