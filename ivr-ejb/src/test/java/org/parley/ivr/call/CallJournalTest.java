package org.parley.ivr.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.transaction.RollbackException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.dialog.CallInfo;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.fact.Decision;
import org.parley.rules.fact.Utterance;

/**
 * The journal keeps a call's records in order while the database refuses them, however it refuses them (a commit
 * that fails reaches the journal as JTA's checked {@code RollbackException}, thrown undeclared by the
 * {@code @Transactional} interceptor: it escaped once and failed the call), writes them when the database is back,
 * keeps no promise it cannot, and gives up a record the database refuses while it answers.
 */
class CallJournalTest {

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    /** Records what reaches the database, which refuses everything while {@code down}. */
    private static final class Database extends CallRepository {
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicBoolean answersButRefuses = new AtomicBoolean();
        final List<String> written = new ArrayList<>();

        private void check() {
            if (down.get()) {
                throw sneaky(new RollbackException("ARJUNA016053: Could not commit transaction."));
            }
        }

        @Override
        public synchronized long start(CallInfo info, Instant startedAt) {
            check();
            written.add("start " + info.uniqueId());
            return written.size();
        }

        @Override
        public synchronized void recordTurn(long callId, TurnData data) {
            check();
            if (answersButRefuses.get()) {
                throw new IllegalArgumentException("value too long for type character varying(64)");
            }
            written.add("turn " + data.number() + " of " + callId);
        }

        @Override
        public synchronized void finish(long callId, CallStatus status, Decision decision, Instant endedAt) {
            check();
            written.add("end " + status + " of " + callId);
        }

        @Override
        public boolean answers() {
            return !down.get();
        }

        synchronized List<String> written() {
            return List.copyOf(written);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private static TurnData turn(int number) {
        return new TurnData(number, Utterance.keyed("1"), null, null,
                new DecisionResult(new Decision(), List.of(), List.of(), "v1", 0, null), 100);
    }

    @Test
    void recordsRefusedWithACheckedRollbackWaitInOrderAndAreWrittenOnceTheDatabaseIsBack() {
        Database database = new Database();
        CallJournal journal = CallJournals.writingTo(database, metrics, retries, 50);
        database.down.set(true);

        CallJournal.CallLog call = journal.started(new CallInfo("1.1", "PJSIP/a", "5551234", "100", "ivr", "en"));
        journal.turn(call, turn(1));
        journal.finished(call, CallStatus.ROUTED, null);

        assertThat(journal.pending()).isEqualTo(3);
        assertThat(journal.writesNow(call)).as("no promise while its records wait").isFalse();
        database.down.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.pending() == 0);
        assertThat(database.written()).containsExactly("start 1.1", "turn 1 of 1", "end ROUTED of 1");
        assertThat(metrics.counter("parley.records.late").count()).isEqualTo(3);
        assertThat(journal.writesNow(call)).isTrue();
    }

    @Test
    void aRecordTheDatabaseRefusesWhileItAnswersIsGivenUpLoudlyAndDoesNotHoldBackTheRest() {
        Database database = new Database();
        CallJournal journal = CallJournals.writingTo(database, metrics, retries, 50);
        CallJournal.CallLog call = journal.started(new CallInfo("2.1", "PJSIP/b", "5551235", "100", "ivr", "en"));
        database.answersButRefuses.set(true);

        journal.turn(call, turn(1));
        journal.finished(call, CallStatus.COMPLETED, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> journal.pending() == 0);
        assertThat(database.written()).containsExactly("start 2.1", "end COMPLETED of 1");
        assertThat(metrics.counter("parley.records.lost").count()).isEqualTo(1);
    }
}
