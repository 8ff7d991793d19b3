package org.parley.ivr.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.rules.engine.Situation;

/**
 * Live statistics per agent queue, kept from Asterisk's manager events (the AMI route feeds it) and
 * read by the dialog as {@code QueueStatus} facts: callers waiting, members available, and the
 * expected wait of a caller joining now — the recent average hold time (exponentially weighted over
 * answered calls) times the callers ahead plus one, shared by the members logged in. An event that
 * names no queue (or no member) changes nothing; counts below zero count as zero and hold times
 * beyond a day are ignored (garbled, not a caller's wait).
 *
 * <p>Bounded: at most {@link #MAX_QUEUES} queues and {@link #MAX_MEMBERS} members per queue; events
 * naming more are ignored with a warning (queue names come from Asterisk's configuration, so more
 * means a misfeed). A dropped AMI link clears the board.
 */
@ApplicationScoped
public class QueueBoard {

    /** Weight of the newest answered call's hold time in the average. */
    private static final double ALPHA = 0.3;

    public static final int MAX_QUEUES = 1_000;
    public static final int MAX_MEMBERS = 5_000;
    private static final long MAX_HOLD_SECONDS = 86_400;
    private static final System.Logger LOG = System.getLogger(QueueBoard.class.getName());
    private volatile long lastRefusalWarning;

    private final Map<String, Stats> queues = new ConcurrentHashMap<>();

    private static final class Stats {
        int waiting;
        double averageHoldSeconds = -1;
        final Map<String, Member> members = new ConcurrentHashMap<>();
    }

    private record Member(boolean available, boolean paused) {
    }

    /** The queue's stats, or null when the board is full and this queue is new. */
    private Stats stats(String queue) {
        Stats s = queues.get(queue);
        if (s != null) {
            return s;
        }
        if (queues.size() >= MAX_QUEUES) {
            refused("queue " + queue, MAX_QUEUES + " queues");
            return null;
        }
        return queues.computeIfAbsent(queue, q -> new Stats());
    }

    private void refused(String what, String limit) {
        long now = System.currentTimeMillis();
        if (now - lastRefusalWarning > 60_000) {
            lastRefusalWarning = now;
            LOG.log(Level.WARNING, "Manager events name more than {0}; ignoring {1} (and others for a minute)", limit, what);
        }
    }

    /** QueueCallerJoin: {@code count} is the number waiting including the new caller. */
    public void callerJoined(String queue, Integer count) {
        if (queue == null) {
            return;
        }
        Stats s = stats(queue);
        if (s == null) {
            return;
        }
        synchronized (s) {
            s.waiting = count != null ? Math.max(0, count) : (int) Math.min(Integer.MAX_VALUE, s.waiting + 1L);
        }
    }

    /** QueueParams (the answer to QueueStatus): the queue exists and has {@code count} callers waiting. */
    public void waiting(String queue, Integer count) {
        if (queue == null) {
            return;
        }
        Stats s = stats(queue);
        if (s == null) {
            return;
        }
        synchronized (s) {
            s.waiting = count != null ? Math.max(0, count) : s.waiting;
        }
    }

    /** QueueCallerLeave (answered or gone): {@code count} is the number still waiting. */
    public void callerLeft(String queue, Integer count) {
        if (queue == null) {
            return;
        }
        Stats s = stats(queue);
        if (s == null) {
            return;
        }
        synchronized (s) {
            s.waiting = count != null ? Math.max(0, count) : Math.max(0, s.waiting - 1);
        }
    }

    /** AgentConnect: a member answered after {@code holdSeconds}. */
    public void answered(String queue, Long holdSeconds) {
        if (queue == null) {
            return;
        }
        if (holdSeconds == null || holdSeconds < 0 || holdSeconds > MAX_HOLD_SECONDS) {
            return;
        }
        Stats s = stats(queue);
        if (s == null) {
            return;
        }
        double hold = holdSeconds;
        synchronized (s) {
            s.averageHoldSeconds = s.averageHoldSeconds < 0 ? hold : ALPHA * hold + (1 - ALPHA) * s.averageHoldSeconds;
        }
    }

    /** QueueMemberStatus / QueueMemberAdded: the member's device status (1 = not in use) and pause. */
    public void memberStatus(String queue, String member, Integer deviceStatus, Boolean paused) {
        if (queue == null || member == null) {
            return;
        }
        Stats s = stats(queue);
        if (s == null) {
            return;
        }
        if (s.members.size() >= MAX_MEMBERS && !s.members.containsKey(member)) {
            refused("member " + member + " of " + queue, MAX_MEMBERS + " members in a queue");
            return;
        }
        s.members.put(member, new Member(deviceStatus != null && deviceStatus == 1, Boolean.TRUE.equals(paused)));
    }

    /** QueueMemberRemoved. */
    public void memberRemoved(String queue, String member) {
        if (queue == null || member == null) {
            return;
        }
        Stats s = queues.get(queue);
        if (s != null) {
            s.members.remove(member);
        }
    }

    /** Whether Asterisk has told us about this queue. */
    public boolean knows(String queue) {
        return queue != null && queues.containsKey(queue);
    }

    /** Every queue Asterisk has told us about, as the rules see it. */
    public Map<String, Situation.Queue> snapshot() {
        Map<String, Situation.Queue> out = new TreeMap<>();
        queues.forEach((name, s) -> {
            synchronized (s) {
                int available = (int) s.members.values().stream().filter(m -> m.available() && !m.paused()).count();
                int staffed = (int) s.members.values().stream().filter(m -> !m.paused()).count();
                int expected;
                if (s.averageHoldSeconds < 0 || (available > 0 && s.waiting == 0)) {
                    expected = 0;
                } else {
                    expected = (int) Math.min(Integer.MAX_VALUE, Math.round(s.averageHoldSeconds * (s.waiting + 1.0) / Math.max(1, staffed)));
                }
                out.put(name, new Situation.Queue(s.waiting, expected, available));
            }
        });
        return out;
    }

    /** Forgets everything (a new AMI session starts from a fresh picture). */
    public void clear() {
        queues.clear();
    }
}
