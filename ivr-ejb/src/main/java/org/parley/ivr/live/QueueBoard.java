package org.parley.ivr.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.rules.engine.Situation;

/**
 * Live statistics per agent queue, kept from Asterisk's manager events (the AMI route feeds it) and
 * read by the dialog as {@code QueueStatus} facts: callers waiting, members available, and the
 * expected wait of a caller joining now — the recent average hold time (exponentially weighted over
 * answered calls) times the callers ahead plus one, shared by the members logged in. An event that
 * names no queue (or no member) changes nothing.
 */
@ApplicationScoped
public class QueueBoard {

    /** Weight of the newest answered call's hold time in the average. */
    private static final double ALPHA = 0.3;

    private final Map<String, Stats> queues = new ConcurrentHashMap<>();

    private static final class Stats {
        int waiting;
        double averageHoldSeconds = -1;
        final Map<String, Member> members = new ConcurrentHashMap<>();
    }

    private record Member(boolean available, boolean paused) {
    }

    private Stats stats(String queue) {
        return queues.computeIfAbsent(queue, q -> new Stats());
    }

    /** QueueCallerJoin: {@code count} is the number waiting including the new caller. */
    public void callerJoined(String queue, Integer count) {
        if (queue == null) {
            return;
        }
        Stats s = stats(queue);
        synchronized (s) {
            s.waiting = count != null ? count : s.waiting + 1;
        }
    }

    /** QueueParams (the answer to QueueStatus): the queue exists and has {@code count} callers waiting. */
    public void waiting(String queue, Integer count) {
        if (queue == null) {
            return;
        }
        Stats s = stats(queue);
        synchronized (s) {
            s.waiting = count != null ? count : s.waiting;
        }
    }

    /** QueueCallerLeave (answered or gone): {@code count} is the number still waiting. */
    public void callerLeft(String queue, Integer count) {
        if (queue == null) {
            return;
        }
        Stats s = stats(queue);
        synchronized (s) {
            s.waiting = count != null ? count : Math.max(0, s.waiting - 1);
        }
    }

    /** AgentConnect: a member answered after {@code holdSeconds}. */
    public void answered(String queue, Long holdSeconds) {
        if (queue == null) {
            return;
        }
        if (holdSeconds == null || holdSeconds < 0) {
            return;
        }
        Stats s = stats(queue);
        synchronized (s) {
            s.averageHoldSeconds = s.averageHoldSeconds < 0 ? holdSeconds : ALPHA * holdSeconds + (1 - ALPHA) * s.averageHoldSeconds;
        }
    }

    /** QueueMemberStatus / QueueMemberAdded: the member's device status (1 = not in use) and pause. */
    public void memberStatus(String queue, String member, Integer deviceStatus, Boolean paused) {
        if (queue == null || member == null) {
            return;
        }
        stats(queue).members.put(member, new Member(deviceStatus != null && deviceStatus == 1, Boolean.TRUE.equals(paused)));
    }

    /** QueueMemberRemoved. */
    public void memberRemoved(String queue, String member) {
        if (queue == null || member == null) {
            return;
        }
        stats(queue).members.remove(member);
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
                    expected = (int) Math.round(s.averageHoldSeconds * (s.waiting + 1) / Math.max(1, staffed));
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
