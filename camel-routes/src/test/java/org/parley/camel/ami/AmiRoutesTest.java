package org.parley.camel.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.live.LiveChannels;
import org.parley.ivr.live.QueueBoard;
import org.parley.tools.sim.AmiServer;

/**
 * The ami component logged in over a real socket to the manager-interface simulator, with the
 * live-picture routes: events are taken off asterisk-java's dispatch thread, so a picture that is
 * slow to update (here: held) never holds up the link.
 */
class AmiRoutesTest {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final LiveChannels channels = new LiveChannels() {
        @Override
        public void created(String uniqueId, String name, String callerNumber, String state) {
            firstArrived.countDown();
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.created(uniqueId, name, callerNumber, state);
        }
    };
    private final QueueBoard queues = new QueueBoard();
    private final String managerSecret = "test-only-" + System.nanoTime();
    private AmiServer asterisk;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        asterisk = new AmiServer(0, "parley", managerSecret);
        camel = new DefaultCamelContext();
        camel.addComponent("ami", new AmiComponent());
        camel.addRoutes(new AmiRoutes("ami:test?host=127.0.0.1&port=" + asterisk.port() + "&username=parley&password=RAW("
                + managerSecret + ")", queues, channels));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        held.countDown();
        camel.stop();
        asterisk.close();
    }

    @Test
    void aSlowPictureDoesNotHoldUpAsteriskJavasDispatchThread() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> asterisk.loggedIn() == 1);
        for (int i = 0; i < 50; i++) {
            asterisk.emit("Newchannel", Map.of("Channel", "PJSIP/caller-" + i, "ChannelState", "4", "ChannelStateDesc", "Ring",
                    "CallerIDNum", "55501" + i, "Uniqueid", "1700000000." + i));
        }
        firstArrived.await();
        // The picture's thread is held on the first event; asterisk-java's thread carried on and queued the rest.
        SedaEndpoint picture = camel.getEndpoint(AmiRoutes.PICTURE, SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> picture.getQueue().stream()
                .filter(queued -> queued.getIn().getBody() instanceof NewChannelEvent).count() == 49);
        assertThat(channels.channels()).isEmpty();

        held.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> channels.channels().size() == 50);
        assertThat(channels.channels()).as("in the order Asterisk sent them")
                .extracting(LiveChannels.Channel::name).first().isEqualTo("PJSIP/caller-0");
        assertThat(channels.channels()).extracting(LiveChannels.Channel::name).last().isEqualTo("PJSIP/caller-49");
        assertThat(channels.events()).isGreaterThanOrEqualTo(50);
    }
}
