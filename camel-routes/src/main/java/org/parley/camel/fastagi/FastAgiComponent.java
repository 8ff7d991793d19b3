package org.parley.camel.fastagi;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code fastagi:<script>?port=4573&maxSessions=5000}: a FastAGI server whose calls for
 * {@code agi://host:port/<script>} become exchanges. Give it a container-managed
 * {@link ThreadFactory} inside an application server.
 */
public class FastAgiComponent extends DefaultComponent {

    private ThreadFactory threadFactory = Executors.defaultThreadFactory();
    private java.util.function.Predicate<java.net.InetAddress> allowedPeers = org.parley.camel.net.AllowedPeers.parse("127.0.0.1,::1");
    private java.util.function.BooleanSupplier refusingCalls = () -> false;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": name the AGI script, e.g. fastagi:ivr for agi://host:4573/ivr");
        }
        FastAgiEndpoint endpoint = new FastAgiEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    public java.util.function.Predicate<java.net.InetAddress> getAllowedPeers() {
        return allowedPeers;
    }

    /** The hosts whose FastAGI connections are served (the Asterisk servers); others are closed at once. */
    public void setAllowedPeers(java.util.function.Predicate<java.net.InetAddress> allowedPeers) {
        this.allowedPeers = allowedPeers;
    }

    public java.util.function.BooleanSupplier getRefusingCalls() {
        return refusingCalls;
    }

    /**
     * While this says so (the node is being drained), new connections are closed at once, before a byte is read:
     * Asterisk's AGI ends without a route and the dialplan tries the next node. Calls in progress go on.
     */
    public void setRefusingCalls(java.util.function.BooleanSupplier refusingCalls) {
        this.refusingCalls = refusingCalls;
    }

    /** The factory for AGI session threads and the acceptor thread. */
    public void setThreadFactory(ThreadFactory threadFactory) {
        this.threadFactory = threadFactory;
    }
}
