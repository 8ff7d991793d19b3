package org.parley.rules.fact;

import java.util.Objects;

/** The live state of one agent queue (from Asterisk's queue events): callers waiting, expected wait, free agents. */
public final class QueueStatus {

    private final String queue;
    private final int waiting;
    private final int expectedWaitSeconds;
    private final int agentsAvailable;

    public QueueStatus(String queue, int waiting, int expectedWaitSeconds, int agentsAvailable) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.waiting = waiting;
        this.expectedWaitSeconds = expectedWaitSeconds;
        this.agentsAvailable = agentsAvailable;
    }

    public String getQueue() {
        return queue;
    }

    public int getWaiting() {
        return waiting;
    }

    public int getExpectedWaitSeconds() {
        return expectedWaitSeconds;
    }

    public int getAgentsAvailable() {
        return agentsAvailable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueStatus other && queue.equals(other.queue) && waiting == other.waiting
                && expectedWaitSeconds == other.expectedWaitSeconds && agentsAvailable == other.agentsAvailable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(queue, waiting, expectedWaitSeconds, agentsAvailable);
    }

    @Override
    public String toString() {
        return "QueueStatus{queue=" + queue + ", waiting=" + waiting + ", expectedWaitSeconds=" + expectedWaitSeconds
                + ", agentsAvailable=" + agentsAvailable + "}";
    }
}
