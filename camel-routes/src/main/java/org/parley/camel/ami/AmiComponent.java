package org.parley.camel.ami;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** {@code ami:<name>?host=asterisk&port=5038&username=parley&password=...}: manager events become exchanges. */
public class AmiComponent extends DefaultComponent {

    private ThreadFactory threadFactory = Executors.defaultThreadFactory();
    private java.util.function.Consumer<String> linkListener = status -> { };

    public java.util.function.Consumer<String> getLinkListener() {
        return linkListener;
    }

    /** Told "connected to host:port ..." or "disconnected: why" whenever a consumer's link changes. */
    public void setLinkListener(java.util.function.Consumer<String> linkListener) {
        this.linkListener = linkListener;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AmiEndpoint endpoint = new AmiEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        if (endpoint.getHost() == null || endpoint.getUsername() == null || endpoint.getPassword() == null) {
            throw new IllegalArgumentException(uri.replaceAll("password=[^&]*", "password=***")
                    + ": host, username and password are required (manager.conf's user for Parley)");
        }
        return endpoint;
    }

    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    /** The factory for the login thread (container-managed inside an application server). */
    public void setThreadFactory(ThreadFactory threadFactory) {
        this.threadFactory = threadFactory;
    }
}
