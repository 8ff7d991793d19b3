package org.parley.ivr.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.call.CallJournal;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.CallStatus;
import org.parley.ivr.call.TurnData;
import org.parley.ivr.cluster.Node;
import org.parley.ivr.crm.CallerContext;
import org.parley.ivr.crm.CallerContextCache;
import org.parley.ivr.decision.DecisionService;
import org.parley.ivr.live.QueueBoard;
import org.parley.ivr.nlu.LanguageService;
import org.parley.ivr.rules.AsteriskNames;
import org.parley.ivr.speech.SpeechService;
import org.parley.nlp.ParseResult;
import org.parley.nlp.sentiment.SentimentTrend;
import org.parley.nlp.speech.Transcript;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.Situation;
import org.parley.rules.engine.Vocabulary;
import org.parley.rules.fact.Action;
import org.parley.rules.fact.Decision;
import org.parley.rules.fact.Utterance;

/**
 * Runs the conversation on one call: greet, then turn after turn ask, listen, understand, let the
 * rules decide, until a decision transfers the call or ends it. Every turn is recorded with the
 * decision and the rules that fired. Routing policy is not here; it is in the DRL.
 */
@ApplicationScoped
public class DialogService {

    /**
     * Channel variable with the caller's words as text (typed by a test or a text channel); when set it
     * is used instead of listening. Read on each turn only of calls that say {@link #INPUT_VARIABLE}.
     */
    public static final String UTTERANCE_VARIABLE = "PARLEY_UTTERANCE";

    /**
     * Channel variable read once per call: {@code text} when the caller's words come as text in
     * {@link #UTTERANCE_VARIABLE} (a test, the simulator, a text channel). A voice call leaves it
     * unset and pays for no variable reads on its turns.
     */
    public static final String INPUT_VARIABLE = "PARLEY_INPUT";

    private static final System.Logger LOG = System.getLogger(DialogService.class.getName());

    @Inject
    LanguageService language;

    @Inject
    DecisionService decisions;

    @Inject
    CallRepository calls;

    @Inject
    CallJournal journal;

    @Inject
    PromptCatalog prompts;

    @Inject
    CallerContextCache contexts;

    @Inject
    QueueBoard queues;

    @Inject
    SpeechService speech;

    @Inject
    AsteriskNames names;

    @Inject
    DialogMetrics metrics;

    @Inject
    DialogStates states;

    /** With speech on: how long after the prompt a key is waited for before listening for words. */
    @Inject
    @ConfigProperty(name = "parley.speech.digit-wait-ms", defaultValue = "300")
    int digitWaitMillis;

    @Inject
    @ConfigProperty(name = "parley.dialog.max-turns", defaultValue = "4")
    int maxTurns;

    @Inject
    @ConfigProperty(name = "parley.dialog.input-timeout-ms", defaultValue = "5000")
    int inputTimeoutMillis;

    @Inject
    @ConfigProperty(name = "parley.dialog.max-digits", defaultValue = "1")
    int maxDigits;

    @Inject
    @ConfigProperty(name = "parley.dialog.fallback-queue", defaultValue = "customer-service")
    String fallbackQueue;

    /**
     * The safety net's priority and prompt: what a call gets when the rules decided nothing, chose a
     * queue Asterisk does not have, failed, or the server is stopping. Routing policy stays in the rules;
     * this is what happens when they cannot be applied, so it is configuration, not DRL.
     */
    @Inject
    @ConfigProperty(name = "parley.dialog.fallback-priority", defaultValue = "5")
    int fallbackPriority;

    @Inject
    @ConfigProperty(name = "parley.dialog.fallback-prompt", defaultValue = "transfer-agent")
    String fallbackPrompt;

    /** The contact centre's time zone, in which opening hours and holidays apply (default: the server's). */
    @Inject
    @ConfigProperty(name = "parley.timezone")
    Optional<String> timezone;

    /**
     * For tests and demonstrations only: the dialog's clock stands still at this local time
     * (e.g. {@code 2026-01-07T10:00}), so opening hours do not depend on when the test runs.
     */
    @Inject
    @ConfigProperty(name = "parley.clock.fixed")
    Optional<String> fixedClock;

    /** Loads what the first call would otherwise wait for: the rules and the language model. */
    public void prepare() {
        Vocabulary known = names.vocabulary();
        if (fallbackQueue.equalsIgnoreCase(Vocabulary.RESERVED_QUEUE)) {
            throw new IllegalStateException("parley.dialog.fallback-queue is \"" + fallbackQueue + "\": [general] is the settings section"
                    + " of Asterisk's queues.conf, never a queue, so callers sent there reach no one. Set it to a queue of queues.conf"
                    + " (the shipped one is customer-service)");
        }
        if (!known.knowsQueue(fallbackQueue)) {
            throw new IllegalStateException("parley.dialog.fallback-queue is \"" + fallbackQueue + "\", which queues.conf does not define"
                    + " (queues: " + known.queues() + "); set it to one of them or add it to queues.conf (parley.asterisk.queues-conf)");
        }
        if (!fallbackPrompt.isEmpty() && !names.knowsPrompt(fallbackPrompt)) {
            throw new IllegalStateException("parley.dialog.fallback-prompt is \"" + fallbackPrompt + "\", which the prompt catalogue"
                    + " does not have; set it to one of its prompts (the shipped one is transfer-agent) or to nothing for no prompt");
        }
        if (fallbackPriority < 0) {
            throw new IllegalStateException("parley.dialog.fallback-priority is " + fallbackPriority + "; give a queue priority of 0 or more"
                    + " (higher is answered sooner; the shipped rules use 1 to 5)");
        }
        LOG.log(Level.INFO, "The dialog is ready: rule set {0}, {1} intents", decisions.current().version(),
                language.understander().intents().intents().size());
        speech.prepare();
        int leftOver = calls.closeLeftOver();
        if (leftOver > 0) {
            LOG.log(Level.WARNING, "{0} call(s) this node ({1}) had in the IVR when it last stopped without closing them are now"
                    + " recorded as INTERRUPTED", leftOver, Node.name());
        }
    }

    /** Calls in the dialog on this node now. */
    private final Set<CallJournal.CallLog> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * The server is stopping (or Parley is being redeployed): each call in the dialog goes to the
     * fallback queue at its next turn instead of being asked again, and a call cut off while it
     * waited for the caller is recorded as INTERRUPTED.
     */
    public void drain() {
        stopping = true;
        if (!live.isEmpty()) {
            LOG.log(Level.INFO, "Stopping: {0} call(s) in the dialog go to the fallback queue {1}", live.size(), fallbackQueue);
        }
    }

    /** After the listeners have stopped: calls still open (their threads were cut off) are closed as INTERRUPTED. */
    public void closeInterrupted() {
        for (CallJournal.CallLog call : List.copyOf(live)) {
            journal.finished(call, CallStatus.INTERRUPTED, null);
            live.remove(call);
        }
    }

    /**
     * Holds the call until the dialog is over; returns with the channel handed back or hung up. A call another node
     * had in the dialog when it died (its state is in the {@code dialog-state} cache) is carried on from the turn it
     * was at: no second greeting, the same call record, the question asked again (under the rule set serving here).
     */
    public void converse(CallChannel channel) {
        CallInfo info = channel.info();
        DialogState resumed = states.find(info.uniqueId()).orElse(null);
        CallJournal.CallLog record = resumed == null ? journal.started(info) : journal.resumed(info, resumed.startedAt());
        live.add(record);
        metrics.callStarted();
        // The whole call is decided by the rule set serving when it started, even if one is published meanwhile.
        RuleSet rules = resumed == null ? decisions.current() : rulesOf(resumed, info);
        Instant callStarted = record.startedAt();
        CallerContext context = callerContext(info);
        CallStatus status = CallStatus.FAILED;
        Decision last = null;
        boolean ended = false;
        try {
            boolean textInput;
            String prompt;
            int clarifications;
            int noInputs;
            int noMatches;
            List<Double> moods;
            int firstTurn;
            if (resumed == null) {
                textInput = "text".equalsIgnoreCase(channel.variable(INPUT_VARIABLE).orElse("").strip());
                prompt = "how-can-i-help";
                clarifications = 0;
                noInputs = 0;
                noMatches = 0;
                moods = new ArrayList<>();
                firstTurn = 1;
                // Kept before the greeting, so that a node dying during it leaves a call another node can carry on.
                states.save(info.uniqueId(), new DialogState(callStarted, rules.version(), firstTurn, prompt, textInput, 0, 0, 0,
                        new ArrayList<>()));
                channel.answer();
                channel.play(prompts.file("greeting"));
            } else {
                LOG.log(Level.INFO, "call {0} from {1}: carried on here at turn {2} (the node that had it stopped answering)",
                        info.uniqueId(), info.callerNumber(), resumed.nextTurn());
                textInput = resumed.textInput();
                prompt = resumed.prompt();
                clarifications = resumed.clarifications();
                noInputs = resumed.noInputs();
                noMatches = resumed.noMatches();
                moods = resumed.moodsSoFar();
                firstTurn = resumed.nextTurn();
            }
            for (int turn = firstTurn; ; turn++) {
                if (stopping) {
                    LOG.log(Level.INFO, "call {0}: the server is stopping; the call goes to the fallback queue {1}", info.uniqueId(),
                            fallbackQueue);
                    last = fallback();
                    status = act(channel, last);
                    ended = true;
                    break;
                }
                long started = System.nanoTime();
                Answer heard = listen(channel, prompt, textInput);
                long inputEnded = System.nanoTime();
                ParseResult understood = heard.utterance().getText().isEmpty() ? null : language.understand(heard.utterance().getText());
                long understoodAt = System.nanoTime();
                Double heardConfidence = heard.recognition() == null || heard.recognition().isEmpty() ? null
                        : speech.calibrated(heard.recognition());
                Situation situation = situation(info, context, callStarted, turn, clarifications, noInputs, noMatches, heard.utterance(),
                        understood, moods, heardConfidence);
                DecisionResult result = rules.decide(situation);
                if (!result.completed()) {
                    LOG.log(Level.ERROR, "call {0} turn {1}: {2}; the call goes to the fallback queue {3}", info.uniqueId(), turn,
                            result.failure(), fallbackQueue);
                }
                last = result.decision();
                metrics.turn(heard.input(), understood == null ? null : understood.intent(),
                        heard.recognition() == null ? 0 : heard.recognition().decodeMillis(),
                        heard.recognition() == null ? 0 : heard.recognition().audioMillis(), understoodAt - inputEnded, result.nanos(),
                        System.nanoTime() - inputEnded);
                journal.turn(record, new TurnData(turn, heard.utterance(), understood, situation, result,
                        (System.nanoTime() - started) / 1_000, heard.recognition()));
                if (last.getAction() == Action.CLARIFY && turn < maxTurns) {
                    clarifications++;
                    metrics.askedAgain(heard.utterance().isSilent());
                    if (heard.utterance().isSilent()) {
                        noInputs++;
                    } else {
                        noMatches++;
                    }
                    prompt = names.knowsPrompt(last.getPrompt()) ? last.getPrompt() : "clarify";
                    states.save(info.uniqueId(), new DialogState(callStarted, rules.version(), turn + 1, prompt, textInput,
                            clarifications, noInputs, noMatches, new ArrayList<>(moods)));
                    continue;
                }
                if (!result.completed() || !last.isDecided() || last.getAction() == Action.CLARIFY) {
                    // A safety net, not policy: the rules decided nothing, or never stopped asking.
                    LOG.log(Level.WARNING, "call {0}: rule set {1} did not route after {2} turn(s); sending the call to the fallback queue {3}",
                            info.uniqueId(), result.ruleSetVersion(), turn, fallbackQueue);
                    last = fallback();
                }
                if (last.getAction() == Action.CALLBACK && !journal.writesNow(record)) {
                    // A callback is a promise; one the database cannot take now is not made: the caller waits in the queue.
                    LOG.log(Level.WARNING, "call {0}: the database does not take records now, so no callback is promised; the caller"
                            + " waits in queue {1}", info.uniqueId(), last.getQueue());
                    last = transferInstead(last, fallbackPrompt);
                }
                status = act(channel, last);
                ended = true;
                break;
            }
        } catch (CallerHungUpException e) {
            // A link cut by the server stopping looks like a hang-up from here; the caller did not leave.
            status = stopping ? CallStatus.INTERRUPTED : CallStatus.ABANDONED;
            LOG.log(Level.INFO, "call {0} from {1}: {2}", info.uniqueId(), info.callerNumber(),
                    stopping ? "cut off by the server stopping" : "caller hung up during the dialog");
        } catch (RuntimeException e) {
            if (stopping) {
                status = CallStatus.INTERRUPTED;
            }
            ended = true;
            throw e;
        } finally {
            live.remove(record);
            if (ended) {
                // Ended here: nothing to carry on. A link that broke (the caller gone, or Asterisk moving the call to
                // another node) leaves the state to that node, or to expiry.
                states.forget(info.uniqueId());
            }
            metrics.callEnded(status, status == CallStatus.ROUTED && last != null ? last.getQueue() : null);
            journal.finished(record, status, last);
            if (status == CallStatus.ROUTED && last != null) {
                try {
                    contexts.recordRoutedCall(info.callerNumber(), last.getQueue(), callStarted);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "call {0}: could not remember its queue in the caller context: {1}", info.uniqueId(), e.toString());
                }
            }
        }
    }

    /**
     * The rule set a resumed call goes on with: the one it started with when this node has it compiled, otherwise the
     * serving one — a compile takes seconds, which the caller would spend in silence.
     */
    private RuleSet rulesOf(DialogState resumed, CallInfo info) {
        RuleSet current = decisions.current();
        if (!current.version().equals(resumed.ruleSetVersion())) {
            LOG.log(Level.INFO, "call {0}: started under rule set {1}, carried on under {2}, which serves here", info.uniqueId(),
                    resumed.ruleSetVersion(), current.version());
        }
        return current;
    }

    /** What the CRM and earlier calls say about the caller; a failure to find out never fails the call. */
    private CallerContext callerContext(CallInfo info) {
        try {
            return contexts.get(info.callerNumber());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call {0} from {1}: caller context unavailable, routing without it: {2}", info.uniqueId(),
                    info.callerNumber(), e.toString());
            return null;
        }
    }

    /** Everything the rules know at this turn: the call, the caller's context, what was heard, and the live queues. */
    private Situation situation(CallInfo info, CallerContext context, Instant callStarted, int turn, int clarifications,
                                int noInputs, int noMatches, Utterance heard, ParseResult understood, List<Double> moods,
                                Double heardConfidence) {
        String intent = null;
        double confidence = 0;
        Double sentiment = null;
        Double average = null;
        double trend = 0;
        Map<String, String> entities = new LinkedHashMap<>();
        if (understood != null) {
            if (!understood.intent().isEmpty()) {
                intent = understood.intent();
                confidence = understood.confidence();
            }
            moods.add(understood.sentiment().score());
            SentimentTrend t = SentimentTrend.of(moods);
            sentiment = understood.sentiment().score();
            average = t.average();
            trend = t.trend();
            understood.entities().forEach(e -> entities.putIfAbsent(e.type().name(), e.value()));
        }
        Situation.Customer customer = null;
        Situation.LastCall lastCall = null;
        if (context != null) {
            if (context.known()) {
                customer = new Situation.Customer(context.customerId(), context.name(), context.tier(), context.language(),
                        context.openCases(), context.stale());
            }
            if (context.lastQueue() != null) {
                lastCall = new Situation.LastCall(context.lastQueue(),
                        java.time.Duration.between(context.lastCallAt(), callStarted).toSeconds() / 3600.0);
            }
        }
        return new Situation(info.callerNumber(), info.uniqueId(), info.language(), now(), heard.getText(),
                heard.getDigits(), intent, confidence, sentiment, average, trend, turn, clarifications, entities, customer,
                lastCall, queues.snapshot(), noInputs, noMatches, heardConfidence);
    }

    private LocalDateTime now() {
        return fixedClock.map(LocalDateTime::parse).orElseGet(() -> LocalDateTime.now(timezone.map(ZoneId::of).orElse(ZoneId.systemDefault())));
    }

    /** What one ask brought: the caller's input as the rules see it, and the recogniser's result when it was speech. */
    private record Answer(Utterance utterance, Transcript recognition) {

        /** How the caller answered, for the metrics: speech, keys, text or silence. */
        String input() {
            if (utterance.isSilent()) {
                return "silence";
            }
            if (!utterance.getDigits().isEmpty()) {
                return "keys";
            }
            return recognition == null ? "text" : "speech";
        }
    }

    /**
     * Plays the prompt and takes the caller's answer: keys pressed during the prompt stop it and are
     * kept (barge-in); words given as text (a {@code PARLEY_INPUT=text} call) are taken as they are; otherwise, with speech on, the call
     * is listened to and the utterance recognised, a key pressed while listening ending it. Where the
     * channel plays the prompt over the audio stream itself, the caller's speech stops it as well.
     */
    private Answer listen(CallChannel channel, String promptId, boolean textInput) {
        boolean listening = speech.enabled() && channel.canListen();
        String promptFile = prompts.file(promptId);
        // Where the channel plays the prompt over the audio stream, speech can interrupt it too.
        boolean bargeIn = listening && channel.playsWhileListening(promptFile);
        if (!bargeIn) {
            String digits = channel.collectDigits(promptFile, listening ? digitWaitMillis : inputTimeoutMillis, maxDigits);
            if (!digits.isEmpty()) {
                return new Answer(Utterance.keyed(digits), null);
            }
        }
        String words = textInput ? channel.variable(UTTERANCE_VARIABLE).orElse("") : "";
        if (!words.isBlank()) {
            // Consumed: the next question must not hear the same words again.
            channel.setVariable(UTTERANCE_VARIABLE, "");
            return new Answer(Utterance.spoken(words), null);
        }
        if (!listening) {
            return new Answer(Utterance.silence(), null);
        }
        Listened listened = channel.listen(bargeIn ? promptFile : null);
        return switch (listened.kind()) {
            case DIGITS -> new Answer(Utterance.keyed(listened.digits()), null);
            case SPEECH -> {
                Transcript t = listened.live() != null ? speech.finish(listened.live())
                        : speech.recognize(listened.audio(), listened.sampleRate());
                LOG.log(Level.DEBUG, "call {0}: heard \"{1}\" (confidence {2}, {3} ms of audio; transcript {4} ms after it)", channel.info().uniqueId(),
                        t.text(), t.confidence(), t.audioMillis(), t.decodeMillis());
                // Sound the recogniser could not make words of counts as no input.
                yield new Answer(t.isEmpty() ? Utterance.silence() : Utterance.spoken(t.text()), t);
            }
            case NO_INPUT -> new Answer(Utterance.silence(), null);
            case FAILED -> {
                LOG.log(Level.WARNING, "call {0}: listening failed ({1}); the turn counts as no input", channel.info().uniqueId(),
                        listened.detail());
                yield new Answer(Utterance.silence(), null);
            }
        };
    }

    /** The fallback queue, when the rules route nowhere or the server is stopping. */
    private Decision fallback() {
        Decision d = new Decision();
        d.transfer(fallbackQueue, fallbackPriority, fallbackPrompt);
        return d;
    }

    /** A plain transfer to the same queue with the same priority, and {@code prompt}. */
    private static Decision transferInstead(Decision d, String prompt) {
        Decision transfer = new Decision();
        transfer.transfer(d.getQueue(), d.getPriority(), prompt);
        return transfer;
    }

    private static Decision withPrompt(Decision d, String prompt) {
        Decision copy = new Decision();
        switch (d.getAction()) {
            case TRANSFER -> copy.transfer(d.getQueue(), d.getPriority(), prompt);
            case CLARIFY -> copy.clarify(prompt);
            case HANGUP -> copy.hangup(prompt);
            case CALLBACK -> {
                copy.transfer(d.getQueue(), d.getPriority(), prompt);
                copy.callback(prompt);
            }
        }
        return copy;
    }

    private CallStatus act(CallChannel channel, Decision decision) {
        // Validation refused rules that name what does not exist; a name that came from a fact is checked here.
        if (!decision.getPrompt().isEmpty() && !names.knowsPrompt(decision.getPrompt())) {
            LOG.log(Level.WARNING, "call {0}: the rules chose prompt \"{1}\", which the prompt catalogue does not have; playing none",
                    channel.info().uniqueId(), decision.getPrompt());
            decision = withPrompt(decision, "");
        }
        if ((decision.getAction() == Action.TRANSFER || decision.getAction() == Action.CALLBACK) && !names.knowsQueue(decision.getQueue())) {
            LOG.log(Level.WARNING, "call {0}: the rules chose queue \"{1}\", which Asterisk does not define; sending the call to {2}",
                    channel.info().uniqueId(), decision.getQueue(), fallbackQueue);
            decision.setQueue(fallbackQueue);
        }
        channel.setVariable("PARLEY_PROMPT", decision.getPrompt().isEmpty() ? "" : prompts.file(decision.getPrompt()));
        if (decision.getAction() == Action.HANGUP) {
            channel.setVariable("PARLEY_ROUTE", decision.getRoute());
            if (!decision.getPrompt().isEmpty()) {
                channel.play(prompts.file(decision.getPrompt()));
            }
            channel.hangup();
            return CallStatus.COMPLETED;
        }
        channel.setVariable("PARLEY_QUEUE", decision.getQueue());
        channel.setVariable("PARLEY_PRIORITY", Integer.toString(decision.getPriority()));
        // Set last: the dialplan takes a call whose AGI ended without a route for one whose node died mid-dialog.
        channel.setVariable("PARLEY_ROUTE", decision.getRoute());
        return CallStatus.ROUTED;
    }
}
