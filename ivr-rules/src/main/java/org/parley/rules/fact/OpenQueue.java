package org.parley.rules.fact;

import java.util.Objects;

/** Inserted by the opening-hours table for each queue that is open right now. */
public final class OpenQueue {

    private final String queue;

    public OpenQueue(String queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    public String getQueue() {
        return queue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenQueue other && queue.equals(other.queue);
    }

    @Override
    public int hashCode() {
        return queue.hashCode();
    }

    @Override
    public String toString() {
        return "OpenQueue{" + queue + "}";
    }
}
