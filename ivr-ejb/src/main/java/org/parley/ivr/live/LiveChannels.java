package org.parley.ivr.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels Asterisk has up right now, from manager events: created (Newchannel), state changes
 * (Newstate: Ring, Ringing, Up), bridged to another party (BridgeEnter), the outcome of a dial
 * (DialEnd), gone (Hangup). Also counts every manager event received. Fields Asterisk leaves out are
 * normal (a DialEnd of an Originate has no calling channel, only the dialled one): an event without a
 * unique id changes nothing.
 */
@ApplicationScoped
public class LiveChannels {

    /** One live channel. */
    public record Channel(String uniqueId, String name, String callerNumber, String state, boolean bridged, String dialStatus,
                          Instant since) {
    }

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();

    public void event() {
        events.incrementAndGet();
    }

    public long events() {
        return events.get();
    }

    public void created(String uniqueId, String name, String callerNumber, String state) {
        if (uniqueId == null) {
            return;
        }
        channels.put(uniqueId, new Channel(uniqueId, name, callerNumber, state, false, null, Instant.now()));
    }

    public void state(String uniqueId, String state) {
        if (uniqueId == null) {
            return;
        }
        channels.computeIfPresent(uniqueId, (k, c) -> new Channel(k, c.name(), c.callerNumber(), state, c.bridged(), c.dialStatus(), c.since()));
    }

    public void bridged(String uniqueId) {
        if (uniqueId == null) {
            return;
        }
        channels.computeIfPresent(uniqueId, (k, c) -> new Channel(k, c.name(), c.callerNumber(), c.state(), true, c.dialStatus(), c.since()));
    }

    /** DialEnd: the outcome of a dial, on the calling channel and on the dialled one (either may be absent). */
    public void dialEnded(String uniqueId, String destUniqueId, String dialStatus) {
        for (String id : new String[] {uniqueId, destUniqueId}) {
            if (id != null) {
                channels.computeIfPresent(id, (k, c) -> new Channel(k, c.name(), c.callerNumber(), c.state(), c.bridged(), dialStatus, c.since()));
            }
        }
    }

    public void hungUp(String uniqueId) {
        if (uniqueId != null) {
            channels.remove(uniqueId);
        }
    }

    public void clear() {
        channels.clear();
    }

    /** Oldest first. */
    public List<Channel> channels() {
        return channels.values().stream().sorted(Comparator.comparing(Channel::since)).toList();
    }
}
