package org.parley.ivr.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveChannelsTest {

    @Test
    void channelsWhoseHangupWasMissedAreForgottenOldestFirstBeyondTheLimit() {
        LiveChannels live = new LiveChannels();
        for (int i = 0; i < LiveChannels.MAX_CHANNELS + 3; i++) {
            live.created("id-" + i, "PJSIP/p-" + i, "+1555", "Ring");
        }
        assertThat(live.channels()).hasSize(LiveChannels.MAX_CHANNELS);
        assertThat(live.channels().get(0).uniqueId()).isEqualTo("id-3");
        assertThat(live.channels().get(LiveChannels.MAX_CHANNELS - 1).uniqueId()).isEqualTo("id-" + (LiveChannels.MAX_CHANNELS + 2));
    }

    @Test
    void aStateChangeKeepsTheChannelsPlaceAndAHangupRemovesIt() {
        LiveChannels live = new LiveChannels();
        live.created("a", "PJSIP/a", "+1", "Ring");
        live.created("b", "PJSIP/b", "+2", "Ring");
        live.state("a", "Up");
        live.bridged("a");
        live.dialEnded(null, "b", "ANSWER");
        live.state("nobody", "Up");                     // an event for a channel it never saw changes nothing
        assertThat(live.channels()).extracting(LiveChannels.Channel::uniqueId).containsExactly("a", "b");
        assertThat(live.channels().get(0).state()).isEqualTo("Up");
        assertThat(live.channels().get(0).bridged()).isTrue();
        assertThat(live.channels().get(1).dialStatus()).isEqualTo("ANSWER");
        live.hungUp("a");
        assertThat(live.channels()).extracting(LiveChannels.Channel::uniqueId).containsExactly("b");
    }
}
