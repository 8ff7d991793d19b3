package org.parley.ivr.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels Asterisk has up right now, from manager events: created (Newchannel), state changes
 * (Newstate: Ring, Ringing, Up), bridged to another party (BridgeEnter), the outcome of a dial
 * (DialEnd), gone (Hangup). Also counts every manager event received. Fields Asterisk leaves out are
 * normal (a DialEnd of an Originate has no calling channel, only the dialled one): an event without a
 * unique id changes nothing.
 *
 * <p>Bounded: a channel whose Hangup never came (a missed event) would otherwise stay for ever, so
 * beyond {@link #MAX_CHANNELS} the oldest channel is forgotten, with a warning. A dropped AMI link
 * clears the picture anyway.
 */
@ApplicationScoped
public class LiveChannels {

    /** One live channel. */
    public record Channel(String uniqueId, String name, String callerNumber, String state, boolean bridged, String dialStatus,
                          Instant since) {
    }

    /** Ten channels for each of the 5,000 calls a node is sized for (caller, agent, Local pairs, originates). */
    public static final int MAX_CHANNELS = 50_000;

    private static final System.Logger LOG = System.getLogger(LiveChannels.class.getName());

    /** Oldest first (insertion order; a state change keeps a channel's place). Guarded by itself. */
    private final Map<String, Channel> channels = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Channel> eldest) {
            if (size() <= MAX_CHANNELS) {
                return false;
            }
            long now = System.currentTimeMillis();
            if (now - lastEvictionWarning > 60_000) {
                lastEvictionWarning = now;
                LOG.log(Level.WARNING, "More than {0} live channels: forgetting the oldest ({1}, since {2}); Hangup events are"
                        + " being missed", MAX_CHANNELS, eldest.getValue().name(), eldest.getValue().since());
            }
            return true;
        }
    };
    private final AtomicLong events = new AtomicLong();
    private long lastEvictionWarning;

    public void event() {
        events.incrementAndGet();
    }

    public long events() {
        return events.get();
    }

    /** The events counted so far, as a plain object a metric can hold without holding this bean. */
    public AtomicLong eventCount() {
        return events;
    }

    public void created(String uniqueId, String name, String callerNumber, String state) {
        if (uniqueId == null) {
            return;
        }
        synchronized (channels) {
            channels.remove(uniqueId); // a repeated Newchannel starts again at the young end
            channels.put(uniqueId, new Channel(uniqueId, name, callerNumber, state, false, null, Instant.now()));
        }
    }

    public void state(String uniqueId, String state) {
        if (uniqueId == null) {
            return;
        }
        synchronized (channels) {
            channels.computeIfPresent(uniqueId, (k, c) -> new Channel(k, c.name(), c.callerNumber(), state, c.bridged(), c.dialStatus(), c.since()));
        }
    }

    public void bridged(String uniqueId) {
        if (uniqueId == null) {
            return;
        }
        synchronized (channels) {
            channels.computeIfPresent(uniqueId, (k, c) -> new Channel(k, c.name(), c.callerNumber(), c.state(), true, c.dialStatus(), c.since()));
        }
    }

    /** DialEnd: the outcome of a dial, on the calling channel and on the dialled one (either may be absent). */
    public void dialEnded(String uniqueId, String destUniqueId, String dialStatus) {
        for (String id : new String[] {uniqueId, destUniqueId}) {
            if (id != null) {
                synchronized (channels) {
                    channels.computeIfPresent(id, (k, c) -> new Channel(k, c.name(), c.callerNumber(), c.state(), c.bridged(), dialStatus, c.since()));
                }
            }
        }
    }

    public void hungUp(String uniqueId) {
        if (uniqueId != null) {
            synchronized (channels) {
                channels.remove(uniqueId);
            }
        }
    }

    public void clear() {
        synchronized (channels) {
            channels.clear();
        }
    }

    /** Oldest first. */
    public List<Channel> channels() {
        synchronized (channels) {
            return List.copyOf(channels.values());
        }
    }
}
