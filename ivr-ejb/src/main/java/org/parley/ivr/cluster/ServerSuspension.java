package org.parley.ivr.cluster;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether WildFly is suspended — an operator draining the node ({@code bin/parley-drain}, the management operation
 * {@code :suspend}) or a graceful shutdown — so that the FastAGI listener refuses new calls (Asterisk's dialplan then
 * sends them to the next node) while calls in progress finish. WildFly's suspend is the switch, not one of Parley's
 * own: its state is read from the server's management model through the platform MBean server
 * ({@code jboss.as:management-root=server}, attribute {@code suspendState}), at most every quarter second.
 */
public final class ServerSuspension {

    private static final System.Logger LOG = System.getLogger(ServerSuspension.class.getName());
    private static final long RECHECK_NANOS = 250_000_000L;

    private final MBeanServer server;
    private final ObjectName root;
    private volatile long checkedAt;
    private volatile boolean suspended;
    private volatile boolean unreadable;

    public ServerSuspension() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    ServerSuspension(MBeanServer server) {
        this.server = server;
        try {
            this.root = new ObjectName("jboss.as:management-root=server");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True while the server is suspending or suspended (its state is anything but {@code RUNNING}). */
    public boolean suspended() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            suspended = read();
            checkedAt = now;
        }
        return suspended;
    }

    private boolean read() {
        try {
            return !"RUNNING".equals(String.valueOf(server.getAttribute(root, "suspendState")));
        } catch (JMException | RuntimeException e) {
            if (!unreadable) {
                // Outside WildFly (tests, tools) there is no such model: never suspended.
                LOG.log(Level.DEBUG, "WildFly's suspend state cannot be read here ({0}); taking the node as running", e.toString());
                unreadable = true;
            }
            return false;
        }
    }
}
