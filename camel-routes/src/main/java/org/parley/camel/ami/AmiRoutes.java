package org.parley.camel.ami;

import org.apache.camel.builder.RouteBuilder;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.parley.ivr.live.LiveChannels;
import org.parley.ivr.live.QueueBoard;

/**
 * Asterisk's manager events into the live picture: every queue with its callers and members as
 * QueueStatus reports them at login, then callers joining and leaving, answers with their hold time,
 * member status, and the live channels with their state. A dropped link clears the
 * queue picture (it is rebuilt from the events after reconnecting) rather than keep stale numbers.
 *
 * <p>asterisk-java gives each listener a budget per event of 500 ms divided by the events queued
 * behind it (25 ms in a burst of 20) and warns when a listener takes longer; a garbage collection or
 * a busy core can push even a map update past that. So its dispatch thread only puts the event on a
 * bounded in-memory queue (Camel's {@code seda:}, order kept, one consumer) and the picture is updated
 * on that queue's thread. A queue that fills (10,000 events behind) refuses the event with a warning
 * naming it rather than hold up asterisk-java's reader.
 */
public class AmiRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "ami-events";
    public static final String PICTURE_ROUTE_ID = "ami-picture";
    static final String PICTURE = "seda:ami-picture?size=10000";

    private final String uri;
    private final QueueBoard queues;
    private final LiveChannels channels;

    public AmiRoutes(String uri, QueueBoard queues, LiveChannels channels) {
        this.uri = uri;
        this.queues = queues;
        this.channels = channels;
    }

    @Override
    public void configure() {
        from(uri).routeId(ROUTE_ID).to(PICTURE);
        from(PICTURE).routeId(PICTURE_ROUTE_ID).process(exchange -> handle(exchange.getIn().getBody()));
    }

    /** One manager event into the picture; fields Asterisk leaves out (or sends garbled) change nothing. */
    public void handle(Object event) {
        channels.event();
        if (event instanceof QueueCallerJoinEvent e) {
            queues.callerJoined(e.getQueue(), e.getCount());
        } else if (event instanceof QueueCallerLeaveEvent e) {
            queues.callerLeft(e.getQueue(), e.getCount());
        } else if (event instanceof QueueCallerAbandonEvent e) {
            queues.callerLeft(e.getQueue(), null);
        } else if (event instanceof AgentConnectEvent e) {
            queues.answered(e.getQueue(), e.getHoldTime());
        } else if (event instanceof QueueParamsEvent e) {
            queues.waiting(e.getQueue(), e.getCalls());
        } else if (event instanceof QueueMemberEvent e) {
            queues.memberStatus(e.getQueue(), e.getInterface() != null ? e.getInterface() : e.getLocation(), e.getStatus(), e.getPaused());
        } else if (event instanceof QueueMemberStatusEvent e) {
            queues.memberStatus(e.getQueue(), e.getInterface() != null ? e.getInterface() : e.getMemberName(), e.getStatus(), e.getPaused());
        } else if (event instanceof QueueMemberAddedEvent e) {
            queues.memberStatus(e.getQueue(), e.getInterface() != null ? e.getInterface() : e.getMemberName(), e.getStatus(), e.getPaused());
        } else if (event instanceof QueueMemberRemovedEvent e) {
            queues.memberRemoved(e.getQueue(), e.getInterface() != null ? e.getInterface() : e.getMemberName());
        } else if (event instanceof NewChannelEvent e) {
            channels.created(e.getUniqueId(), e.getChannel(), e.getCallerIdNum(), e.getChannelStateDesc());
        } else if (event instanceof NewStateEvent e) {
            channels.state(e.getUniqueId(), e.getChannelStateDesc());
        } else if (event instanceof BridgeEnterEvent e) {
            channels.bridged(e.getUniqueId());
        } else if (event instanceof DialEndEvent e) {
            channels.dialEnded(e.getUniqueId(), e.getDestUniqueId(), e.getDialStatus());
        } else if (event instanceof HangupEvent e) {
            channels.hungUp(e.getUniqueId());
        } else if (event instanceof DisconnectEvent) {
            queues.clear();
            channels.clear();
        }
    }
}
