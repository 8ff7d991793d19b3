package org.parley.ivr.dialog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.call.CallJournals;
import org.parley.ivr.call.CallRepositories;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.CallStatus;
import org.parley.ivr.call.CallView;
import org.parley.ivr.callback.CallbackStores;
import org.parley.ivr.crm.CallerContext;
import org.parley.ivr.events.Outboxes;
import org.parley.ivr.nlu.LanguageService;
import org.parley.ivr.nlu.LanguageServices;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.engine.Vocabulary;

/**
 * The dialog without the server: the real language models, the shipped rules compiled by Drools, call
 * records on real Hibernate and the test database, caller contexts in a real Infinispan cache, and a
 * scripted caller on the {@link CallChannel} port. Each call runs in one transaction (the server gives
 * each write its own; what is recorded is the same).
 */
class DialogServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static LanguageService language;
    private static DefaultCacheManager caches;

    private EntityManagerFactory emf;
    private EntityManager em;
    private CallRepository calls;
    private DialogService dialog;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private static final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "journal-retries");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void loadModels() {
        language = LanguageServices.loaded();
        caches = new DefaultCacheManager();
        caches.defineConfiguration("caller-context", new ConfigurationBuilder().build());
    }

    @AfterAll
    static void stopCaches() throws Exception {
        caches.close();
    }

    @BeforeEach
    void startServices() {
        emf = TestDatabase.open();
        em = emf.createEntityManager();
        calls = CallRepositories.writingTo(em, Outboxes.writingTo(em), CallbackStores.writingTo(em));
        Cache<String, CallerContext> cache = caches.getCache("caller-context");
        dialog = Dialogs.wired(em, calls, CallJournals.writingTo(calls, metrics, retries, 1000), language, cache, metrics);
        inTransaction(() -> {
            dialog.prepare();
            return null;
        });
    }

    @AfterEach
    void closeDatabase() {
        TestDatabase.close(em, emf);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return Transactions.in(em, work);
    }

    private static ScriptedChannel caller(String number) {
        return new ScriptedChannel("1800000000." + NEXT.incrementAndGet(), number);
    }

    /** Runs the call to its end and answers what was recorded about it. */
    private CallView.Detail converse(ScriptedChannel channel) {
        inTransaction(() -> {
            dialog.converse(channel);
            return null;
        });
        em.clear();
        long id = em.createQuery("select c.id from CallRecord c where c.uniqueId = :u", Long.class)
                .setParameter("u", channel.info().uniqueId()).getSingleResult();
        return calls.find(id).orElseThrow();
    }

    private void serve(String drl) throws RuleCompilationException {
        dialog.decisions.swap(RuleSet.compile("test", List.of(new RuleSource("test.drl", drl)),
                RuleSet.class.getClassLoader(), Vocabulary.ANY));
    }

    @Test
    void aCallWhoseNodeDiedMidDialogIsCarriedOnByAnotherNodeFromTheTurnItWasAt() {
        ScriptedChannel onA = caller("5550177").silent().nodeDies();
        assertThatThrownBy(() -> converse(onA)).isInstanceOf(ScriptedChannel.NodeDied.class);
        // In the server each record commits on its own as the dialog goes; here the test's transaction stands for them.
        em.getTransaction().commit();
        assertThat(onA.asked).containsExactly("parley/how-can-i-help", "parley/reprompt-silence");

        // Asterisk's dialplan sends the call to the next node: the same channel, the caller now answering.
        DialogService nodeB = Dialogs.wired(em, calls, CallJournals.writingTo(calls, metrics, retries, 1000), language,
                caches.getCache("caller-context"), metrics);
        ScriptedChannel onB = onA.movedToAnotherNode().say("I lost my card");
        inTransaction(() -> {
            nodeB.converse(onB);
            return null;
        });
        em.clear();

        assertThat(onB.played).as("no second greeting").doesNotContain("parley/greeting");
        assertThat(onB.asked).as("the question the caller was being asked, asked again").containsExactly("parley/reprompt-silence");
        assertThat(onB.variableSet("PARLEY_QUEUE")).isEqualTo("fraud");
        List<Long> records = em.createQuery("select c.id from CallRecord c where c.uniqueId = :u", Long.class)
                .setParameter("u", onA.info().uniqueId()).getResultList();
        assertThat(records).as("one call record, carried on").hasSize(1);
        CallView.Detail call = calls.find(records.get(0)).orElseThrow();
        assertThat(call.status()).isEqualTo(CallStatus.ROUTED);
        assertThat(call.queue()).isEqualTo("fraud");
        assertThat(call.turns()).extracting(CallView.TurnView::number).containsExactly(1, 2);
        assertThat(nodeB.states.find(onA.info().uniqueId())).as("nothing left to carry on").isEmpty();
    }

    @Test
    void aCallerWhoLostTheirCardIsPutThroughToTheFraudTeamWithTheDecisionExplained() {
        ScriptedChannel channel = caller("5550142").say("I lost my card");

        CallView.Detail call = converse(channel);

        assertThat(channel.answered).isTrue();
        assertThat(channel.played).first().isEqualTo("parley/greeting");
        assertThat(channel.asked).containsExactly("parley/how-can-i-help");
        assertThat(channel.variableSet("PARLEY_QUEUE")).isEqualTo("fraud");
        assertThat(channel.variableSet("PARLEY_ROUTE")).isEqualTo(call.route()).isNotEmpty();
        assertThat(channel.hungUp).as("the dialplan takes the call to the queue").isFalse();
        assertThat(call.status()).isEqualTo(CallStatus.ROUTED);
        assertThat(call.queue()).isEqualTo("fraud");
        assertThat(call.turns()).singleElement().satisfies(turn -> {
            assertThat(turn.text()).isEqualTo("I lost my card");
            assertThat(turn.intent()).isEqualTo("lost_stolen_card");
            assertThat(turn.decision().firedRules()).isNotEmpty();
            assertThat(turn.decision().facts()).anySatisfy(f -> assertThat(f).startsWith("Utterance{"));
        });
        assertThat(metrics.counter("parley.calls.started").count()).isEqualTo(1);
        assertThat(metrics.counter("parley.calls.ended", "outcome", "routed").count()).isEqualTo(1);
        assertThat(metrics.counter("parley.calls.routed", "queue", "fraud").count()).isEqualTo(1);
        assertThat(metrics.counter("parley.intents", "intent", "lost_stolen_card").count()).isEqualTo(1);
        assertThat(metrics.counter("parley.turns", "input", "text").count()).isEqualTo(1);
        assertThat(metrics.summary("parley.turn.latency.seconds", "stage", "rules").count()).isEqualTo(1);
        assertThat(metrics.counter("parley.turn.latency.buckets", "stage", "rules", "le", "+Inf").count()).isEqualTo(1);
        assertThat(metrics.summary("parley.turn.latency.seconds", "stage", "total").totalAmount())
                .as("the total is at least the rules' part").isGreaterThanOrEqualTo(
                        metrics.summary("parley.turn.latency.seconds", "stage", "rules").totalAmount());
        assertThat(metrics.get("parley.calls.active").gauge().value()).isZero();
    }

    @Test
    void aSilentCallerIsAskedAgainThenOfferedTheKeypadAndAKeyChoosesTheDesk() {
        ScriptedChannel channel = caller("5550143").silent().silent().press("2");

        CallView.Detail call = converse(channel);

        assertThat(channel.asked).containsExactly("parley/how-can-i-help", "parley/reprompt-silence", "parley/offer-keypad-menu");
        assertThat(call.turns()).extracting(t -> t.decision().action()).containsExactly("CLARIFY", "CLARIFY", "TRANSFER");
        assertThat(call.queue()).isEqualTo("accounts");
        assertThat(channel.variableSet("PARLEY_QUEUE")).isEqualTo("accounts");
        assertThat(metrics.counter("parley.turns.no.input").count()).isEqualTo(2);
        assertThat(metrics.counter("parley.turns", "input", "silence").count()).isEqualTo(2);
        assertThat(metrics.counter("parley.turns", "input", "keys").count()).isEqualTo(1);
    }

    @Test
    void aCallerWhoSaysGoodbyeIsThankedAndTheCallEnds() {
        ScriptedChannel channel = caller("5550144").say("no thanks that's all goodbye");

        CallView.Detail call = converse(channel);

        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(channel.hungUp).isTrue();
        assertThat(channel.variableSet("PARLEY_QUEUE")).isNull();
    }

    @Test
    void aCallerWhoHangsUpMidDialogIsRecordedAsAbandonedWithTheTurnsBefore() {
        ScriptedChannel channel = caller("5550145").silent().hangUp();

        CallView.Detail call = converse(channel);

        assertThat(call.status()).isEqualTo(CallStatus.ABANDONED);
        assertThat(call.turns()).hasSize(1);
        assertThat(call.queue()).isNull();
        assertThat(channel.variableSet("PARLEY_QUEUE")).isNull();
    }

    @Test
    void noCallbackIsPromisedWhileTheDatabaseCannotRecordItTheCallerWaitsInTheQueueInstead() throws Exception {
        serve("""
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;
                rule "Always call back"
                when
                    $d : Decision( !decided )
                then
                    modify( $d ) { transfer( "cards", 2, "transfer-cards" ), callback( "closed-callback" ) }
                end
                """);
        CallRepository down = new CallRepository() {
            @Override
            public long start(CallInfo info, Instant startedAt) {
                throw new PersistenceException("Connection refused");
            }
        };
        ScriptedChannel promised = caller("5550150").say("call me back please");
        ScriptedChannel waiting = caller("5550151").say("call me back please");

        inTransaction(() -> {
            dialog.journal = CallJournals.writingTo(calls, metrics, retries, 1000);
            dialog.converse(promised);
            dialog.journal = CallJournals.writingTo(down, metrics, retries, 60_000);
            dialog.converse(waiting);
            return null;
        });

        assertThat(promised.variableSet("PARLEY_ROUTE")).as("recorded at once: the callback is promised").isEqualTo("callback");
        assertThat(promised.variableSet("PARLEY_PROMPT")).isEqualTo("parley/closed-callback");
        assertThat(waiting.variableSet("PARLEY_ROUTE")).as("its records wait for the database: no promise").isNotEqualTo("callback");
        assertThat(waiting.variableSet("PARLEY_QUEUE")).isEqualTo("cards");
        assertThat(waiting.variableSet("PARLEY_PRIORITY")).isEqualTo("2");
        assertThat(waiting.variableSet("PARLEY_PROMPT")).isEqualTo("parley/transfer-agent");
    }

    @Test
    void rulesThatNeverStopAskingSendTheCallToTheFallbackQueueAfterTheLastTurn() throws Exception {
        serve("""
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;
                rule "Always ask again"
                when
                    $d : Decision( !decided )
                then
                    modify( $d ) { clarify( "clarify" ) }
                end
                """);
        ScriptedChannel channel = caller("5550146").say("hello").say("hello").say("hello").say("hello").say("hello");

        CallView.Detail call = converse(channel);

        assertThat(call.turns()).hasSize(4);
        assertThat(call.status()).isEqualTo(CallStatus.ROUTED);
        assertThat(call.queue()).isEqualTo("customer-service");
        assertThat(channel.variableSet("PARLEY_QUEUE")).isEqualTo("customer-service");
        assertThat(channel.variableSet("PARLEY_PROMPT")).isEqualTo("parley/transfer-agent");
        assertThat(channel.variableSet("PARLEY_PRIORITY")).isEqualTo("5");
    }

    @Test
    void aQueueAsteriskDoesNotDefineIsReplacedByTheFallbackQueueNeverAHangUp() throws Exception {
        serve("""
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;
                rule "Send everyone nowhere"
                when
                    $d : Decision( !decided )
                then
                    modify( $d ) { transfer( "nowhere", 1, "" ) }
                end
                """);
        ScriptedChannel channel = caller("5550147").say("I lost my card");

        CallView.Detail call = converse(channel);

        assertThat(channel.hungUp).isFalse();
        assertThat(channel.variableSet("PARLEY_QUEUE")).isEqualTo("customer-service");
        assertThat(call.queue()).isEqualTo("customer-service");
    }

    @Test
    void aRuleThatThrowsEndsTheTurnUndecidedAndTheCallerReachesAPerson() throws Exception {
        serve("""
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;
                rule "Broken"
                when
                    $d : Decision( !decided )
                then
                    throw new IllegalStateException( "broken rule" );
                end
                """);
        ScriptedChannel channel = caller("5550148").say("I lost my card");

        CallView.Detail call = converse(channel);

        assertThat(call.queue()).isEqualTo("customer-service");
        assertThat(call.turns()).singleElement().satisfies(t -> assertThat(t.decision().failure()).contains("broken rule"));
    }

    @Test
    void aCallInTheDialogWhenTheServerStopsGoesToTheFallbackQueueAtItsNextTurn() {
        dialog.drain();
        ScriptedChannel channel = caller("5550149").say("I lost my card");

        CallView.Detail call = converse(channel);

        assertThat(channel.asked).as("not asked again").isEmpty();
        assertThat(call.queue()).isEqualTo("customer-service");
        assertThat(call.status()).isEqualTo(CallStatus.ROUTED);
    }

    @Test
    void aCallerWhoCalledInTheLastDayGoesBackToTheSameQueue() {
        converse(caller("5550150").say("I lost my card"));

        ScriptedChannel again = caller("5550150").say("hello I'm calling again");
        CallView.Detail call = converse(again);

        assertThat(call.queue()).isEqualTo("fraud");
        assertThat(call.turns().get(0).decision().firedRules())
                .contains("A caller who called in the last 24 hours goes back to the same queue");
    }

    @Test
    void theFallbackQueueMustBeARealQueue() {
        dialog.fallbackQueue = "general";
        assertThatThrownBy(dialog::prepare).hasMessageContaining("[general] is the settings section");
        dialog.fallbackQueue = "nobody-home";
        assertThatThrownBy(dialog::prepare).hasMessageContaining("which queues.conf does not define");
        dialog.fallbackQueue = "customer-service";
        dialog.fallbackPrompt = "transfer-nowhere";
        assertThatThrownBy(dialog::prepare).hasMessageContaining("parley.dialog.fallback-prompt is \"transfer-nowhere\"");
    }

    @Test
    void theSafetyNetsPriorityAndPromptAreTheOperatorsToSet() {
        dialog.fallbackPriority = 2;
        dialog.fallbackPrompt = "";
        dialog.drain();
        ScriptedChannel channel = caller("5550151").say("I lost my card");

        converse(channel);

        assertThat(channel.variableSet("PARLEY_PRIORITY")).isEqualTo("2");
        assertThat(channel.variableSet("PARLEY_PROMPT")).isEmpty();
    }
}
