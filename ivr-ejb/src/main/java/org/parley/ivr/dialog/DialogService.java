package org.parley.ivr.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.CallStatus;
import org.parley.ivr.call.TurnData;
import org.parley.ivr.decision.DecisionService;
import org.parley.ivr.nlu.LanguageService;
import org.parley.nlp.intent.ParseResult;
import org.parley.nlp.sentiment.SentimentTrend;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.fact.Action;
import org.parley.rules.fact.Caller;
import org.parley.rules.fact.Decision;
import org.parley.rules.fact.DialogState;
import org.parley.rules.fact.Entity;
import org.parley.rules.fact.IntentMatch;
import org.parley.rules.fact.Sentiment;
import org.parley.rules.fact.Utterance;

/**
 * Runs the conversation on one call: greet, then turn after turn ask, listen, understand, let the
 * rules decide, until a decision transfers the call or ends it. Every turn is recorded with the
 * decision and the rules that fired. Routing policy is not here; it is in the DRL.
 */
@ApplicationScoped
public class DialogService {

    /** Channel variable carrying the caller's words until speech recognition lands. */
    public static final String UTTERANCE_VARIABLE = "PARLEY_UTTERANCE";

    private static final System.Logger LOG = System.getLogger(DialogService.class.getName());

    @Inject
    LanguageService language;

    @Inject
    DecisionService decisions;

    @Inject
    CallRepository calls;

    @Inject
    PromptCatalog prompts;

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
    @ConfigProperty(name = "parley.dialog.fallback-queue", defaultValue = "general")
    String fallbackQueue;

    /** Loads what the first call would otherwise wait for: the rules and the language model. */
    public void prepare() {
        decisions.current();
        language.understander();
    }

    /** Holds the call until the dialog is over; returns with the channel handed back or hung up. */
    public void converse(CallChannel channel) {
        CallInfo info = channel.info();
        long callId = calls.start(info);
        // The whole call is decided by the rule set serving when it started, even if one is published meanwhile.
        RuleSet rules = decisions.current();
        CallStatus status = CallStatus.FAILED;
        Decision last = null;
        try {
            channel.answer();
            channel.play(prompts.file("greeting"));
            String prompt = "how-can-i-help";
            int clarifications = 0;
            List<Double> moods = new ArrayList<>();
            for (int turn = 1; ; turn++) {
                long started = System.nanoTime();
                Utterance heard = listen(channel, prompt);
                ParseResult understood = heard.getText().isEmpty() ? null : language.understand(heard.getText());
                List<Object> facts = new ArrayList<>();
                facts.add(new Caller(info.callerNumber()));
                facts.add(new DialogState(turn, clarifications));
                facts.add(heard);
                if (understood != null) {
                    if (!understood.intent().isEmpty()) {
                        facts.add(new IntentMatch(understood.intent(), understood.confidence()));
                    }
                    moods.add(understood.sentiment().score());
                    SentimentTrend trend = SentimentTrend.of(moods);
                    facts.add(new Sentiment(understood.sentiment().label(), understood.sentiment().score(), trend.average(), trend.trend()));
                    understood.entities().forEach(e -> facts.add(new Entity(e.type().name(), e.value())));
                }
                DecisionResult result = rules.decide(facts);
                last = result.decision();
                calls.recordTurn(callId, new TurnData(turn, heard, understood, result, (System.nanoTime() - started) / 1_000));
                if (last.getAction() == Action.CLARIFY && turn < maxTurns) {
                    clarifications++;
                    prompt = last.getPrompt();
                    continue;
                }
                if (!last.isDecided() || last.getAction() == Action.CLARIFY) {
                    // A safety net, not policy: the rules decided nothing, or never stopped asking.
                    LOG.log(Level.WARNING, "call {0}: rule set {1} did not route after {2} turn(s); sending the call to the fallback queue {3}",
                            info.uniqueId(), result.ruleSetVersion(), turn, fallbackQueue);
                    last = new Decision();
                    last.transfer(fallbackQueue, 5, "transfer-agent");
                }
                status = act(channel, last);
                break;
            }
        } catch (CallerHungUpException e) {
            status = CallStatus.ABANDONED;
            LOG.log(Level.INFO, "call {0} from {1}: caller hung up during the dialog", info.uniqueId(), info.callerNumber());
        } finally {
            calls.finish(callId, status, last);
        }
    }

    private Utterance listen(CallChannel channel, String promptId) {
        String digits = channel.collectDigits(prompts.file(promptId), inputTimeoutMillis, maxDigits);
        if (!digits.isEmpty()) {
            return Utterance.keyed(digits);
        }
        String words = channel.variable(UTTERANCE_VARIABLE).orElse("");
        if (!words.isBlank()) {
            // Consumed: the next question must not hear the same words again.
            channel.setVariable(UTTERANCE_VARIABLE, "");
            return Utterance.spoken(words);
        }
        return Utterance.silence();
    }

    private CallStatus act(CallChannel channel, Decision decision) {
        channel.setVariable("PARLEY_ROUTE", decision.getRoute());
        channel.setVariable("PARLEY_PROMPT", decision.getPrompt().isEmpty() ? "" : prompts.file(decision.getPrompt()));
        if (decision.getAction() == Action.HANGUP) {
            if (!decision.getPrompt().isEmpty()) {
                channel.play(prompts.file(decision.getPrompt()));
            }
            channel.hangup();
            return CallStatus.COMPLETED;
        }
        channel.setVariable("PARLEY_QUEUE", decision.getQueue());
        channel.setVariable("PARLEY_PRIORITY", Integer.toString(decision.getPriority()));
        return CallStatus.ROUTED;
    }
}
