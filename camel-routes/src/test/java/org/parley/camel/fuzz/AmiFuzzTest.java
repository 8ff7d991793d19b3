package org.parley.camel.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.asteriskjava.manager.internal.AmiWire;
import org.parley.camel.ami.AmiRoutes;
import org.parley.ivr.live.LiveChannels;
import org.parley.ivr.live.QueueBoard;
import org.parley.rules.engine.Situation;

/**
 * Any stream of manager events — the events Parley reads and others, with fields missing, repeated,
 * out of range or garbled — goes through asterisk-java's own reader into the live picture without an
 * exception, and the picture stays sane and bounded: no negative waits or counts, no more channels or
 * queues than the limits, whatever order Newchannel, Hangup and the queue events come in.
 */
class AmiFuzzTest {

    private static final List<String> EVENTS = List.of("Newchannel", "Newstate", "BridgeEnter", "DialEnd", "Hangup",
            "QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon", "AgentConnect", "QueueParams", "QueueMember",
            "QueueMemberStatus", "QueueMemberAdded", "QueueMemberRemoved", "QueueMemberPause", "VarSet", "FullyBooted");
    private static final List<String> FIELDS = List.of("Uniqueid", "DestUniqueid", "Linkedid", "Channel", "CallerIDNum",
            "ChannelState", "ChannelStateDesc", "Queue", "Count", "Position", "HoldTime", "Calls", "Interface", "Location",
            "MemberName", "StateInterface", "Status", "Paused", "DialStatus", "Cause", "Privilege", "Timestamp");
    private static final List<String> VALUES = List.of("", "0", "1", "-1", "2", "5", "-2147483649", "9223372036854775808",
            "NaN", "1e9", "true", "yes", "Up", "Ring", "ANSWER", "cards", "general", "PJSIP/agent1", "1700000000.1",
            "1700000000.2", "null", " ");

    @FuzzTest(maxDuration = "20s")
    void anyEventStreamKeepsThePictureSaneAndBounded(FuzzedDataProvider data) {
        StringBuilder wire = new StringBuilder("Asterisk Call Manager/9.0.0\r\n");
        int events = data.consumeInt(0, 400);
        for (int i = 0; i < events && data.remainingBytes() > 0; i++) {
            wire.append("Event: ").append(data.consumeBoolean() ? data.pickValue(EVENTS) : data.consumeString(20)).append("\r\n");
            int fields = data.consumeInt(0, 8);
            for (int f = 0; f < fields; f++) {
                String name = data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(12);
                String value = data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeString(24);
                wire.append(name).append(": ").append(value).append("\r\n");
            }
            wire.append("\r\n");
        }
        if (data.consumeBoolean()) {
            wire.append(data.consumeRemainingAsString());
        }
        QueueBoard queues = new QueueBoard();
        LiveChannels channels = new LiveChannels();
        AmiRoutes routes = new AmiRoutes("ami:fuzz", queues, channels);
        boolean[] disconnected = {false};
        AmiWire.read(wire.toString(), event -> {
            // The reader's own end-of-stream DisconnectEvent clears the picture: check it before that one.
            if (event instanceof org.asteriskjava.manager.event.DisconnectEvent) {
                checkSane(queues, channels);
                disconnected[0] = true;
            }
            routes.handle(event);
        });
        assertThat(disconnected[0]).as("the reader ends every stream with a DisconnectEvent").isTrue();
        assertThat(channels.channels()).as("a dropped link clears the channels").isEmpty();
        assertThat(queues.snapshot()).as("a dropped link clears the queues").isEmpty();
    }

    private static void checkSane(QueueBoard queues, LiveChannels channels) {
        assertThat(channels.channels()).hasSizeLessThanOrEqualTo(LiveChannels.MAX_CHANNELS);
        assertThat(queues.snapshot()).hasSizeLessThanOrEqualTo(QueueBoard.MAX_QUEUES);
        for (Situation.Queue q : queues.snapshot().values()) {
            assertThat(q.waiting()).as("callers waiting").isNotNegative();
            assertThat(q.expectedWait()).as("expected wait").isNotNegative();
            assertThat(q.agents()).as("agents available").isNotNegative();
        }
    }
}
