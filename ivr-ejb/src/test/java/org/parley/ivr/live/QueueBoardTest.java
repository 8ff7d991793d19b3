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

    @Test
    void garbledCountsAndHoldTimesNeverMakeANegativeWait() {
        QueueBoard board = new QueueBoard();
        board.memberStatus("cards", "PJSIP/a", 2, false);
        board.answered("cards", Long.MAX_VALUE);          // ignored: beyond a day
        board.answered("cards", 60L);
        board.callerJoined("cards", -5);                   // counts as nobody
        assertThat(board.snapshot().get("cards")).isEqualTo(new Situation.Queue(0, 60, 0));
        board.callerJoined("cards", Integer.MAX_VALUE);
        board.callerJoined("cards", null);                 // one more than the most: stays the most
        assertThat(board.snapshot().get("cards").waiting()).isEqualTo(Integer.MAX_VALUE);
        assertThat(board.snapshot().get("cards").expectedWait()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theBoardHoldsAtMostItsQueuesAndMembers() {
        QueueBoard board = new QueueBoard();
        for (int q = 0; q < QueueBoard.MAX_QUEUES + 10; q++) {
            board.callerJoined("q" + q, 1);
        }
        for (int m = 0; m < QueueBoard.MAX_MEMBERS + 10; m++) {
            board.memberStatus("q0", "PJSIP/" + m, 1, false);
        }
        assertThat(board.snapshot()).hasSize(QueueBoard.MAX_QUEUES).containsKey("q0").doesNotContainKey("q" + QueueBoard.MAX_QUEUES);
        assertThat(board.snapshot().get("q0").agents()).isEqualTo(QueueBoard.MAX_MEMBERS);
        board.memberRemoved("nowhere", "PJSIP/1");         // names no queue it knows: creates none
        assertThat(board.knows("nowhere")).isFalse();
    }
}
