package org.parley.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /health/live}): the node is alive unless threads are deadlocked, the one state it cannot leave without a
 * restart. Everything that can recover (a lost database, a lost AMI link) is readiness, so a passing outage
 * never gets a node restarted with calls on it.
 */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return PartHealth.response("threads", true, count == 0, count == 0 ? "no deadlocked threads"
                : count + " threads deadlocked (a thread dump shows which)");
    }
}
