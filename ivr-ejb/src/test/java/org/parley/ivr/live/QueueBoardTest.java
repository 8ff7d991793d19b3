package org.parley.ivr.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.rules.engine.Situation;

class QueueBoardTest {

    @Test
    void waitingCallersAndHoldTimesGiveTheExpectedWait() {
        QueueBoard board = new QueueBoard();
        board.memberStatus("cards", "PJSIP/agent1", 2, false);
        board.memberStatus("cards", "PJSIP/agent2", 2, false);
        board.answered("cards", 200L);
        board.answered("cards", 300L);          // average 0.3*300 + 0.7*200 = 230 s
        board.callerJoined("cards", 1);
        board.callerJoined("cards", 2);
        board.callerJoined("cards", 3);

        assertThat(board.snapshot()).containsEntry("cards", new Situation.Queue(3, 460, 0)); // 230 * 4 / 2
        board.callerLeft("cards", 2);
        board.memberStatus("cards", "PJSIP/agent1", 1, false);
        assertThat(board.snapshot().get("cards")).isEqualTo(new Situation.Queue(2, 345, 1));
    }

    @Test
    void anIdleAgentAndNobodyWaitingIsNoWaitAndPausedMembersDoNotCount() {
        QueueBoard board = new QueueBoard();
        board.memberStatus("tech", "PJSIP/a", 1, false);
        board.memberStatus("tech", "PJSIP/b", 1, true);
        board.answered("tech", 120L);

        assertThat(board.snapshot().get("tech")).isEqualTo(new Situation.Queue(0, 0, 1));
    }
}
