package org.parley.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.fact.Action;
import org.parley.rules.fact.Caller;
import org.parley.rules.fact.DialogState;
import org.parley.rules.fact.IntentMatch;
import org.parley.rules.fact.Sentiment;
import org.parley.rules.fact.Utterance;

/** The shipped routing policy, compiled from the class path and fired with plain Drools. */
class RoutingRulesTest {

    private static RuleSet rules;

    @BeforeAll
    static void compileDefaultRules() throws Exception {
        rules = RuleSet.defaults(RoutingRulesTest.class.getClassLoader());
    }

    private static DecisionResult turn(String caller, String text, String intent, double confidence, int clarifications) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Caller(caller));
        facts.add(new DialogState(clarifications + 1, clarifications));
        facts.add(Utterance.spoken(text));
        if (intent != null) {
            facts.add(new IntentMatch(intent, confidence));
        }
        return rules.decide(facts);
    }

    @Test
    void lostCardGoesToFraudQueueWithTopPriority() {
        DecisionResult result = turn("5551234", "I lost my card", "lost_stolen_card", 0.91, 0);

        assertThat(result.decision().getAction()).isEqualTo(Action.TRANSFER);
        assertThat(result.decision().getQueue()).isEqualTo("fraud");
        assertThat(result.decision().getRoute()).isEqualTo("fraud");
        assertThat(result.decision().getPriority()).isEqualTo(1);
        assertThat(result.firedRules()).containsExactly(
                "A spoken intent at 0.5 confidence or more counts as understood",
                "Serve lost_stolen_card",
                "A lost or stolen card goes to the fraud queue first");
    }

    @Test
    void lostCardFromWithheldNumberStillGoesToFraudAheadOfVerification() {
        DecisionResult result = turn("anonymous", "my card was stolen", "lost_stolen_card", 0.8, 0);

        assertThat(result.decision().getQueue()).isEqualTo("fraud");
        assertThat(result.firedRules()).hasSize(3).last().isEqualTo("A lost or stolen card goes to the fraud queue first");
    }

    @Test
    void withheldNumberAskingForBalanceIsVerifiedFirst() {
        DecisionResult result = turn("", "what's my balance", "account_balance", 0.88, 0);

        assertThat(result.decision().getQueue()).isEqualTo("verification");
        assertThat(result.firedRules()).last().isEqualTo("A withheld number asking about an account is verified first");
    }

    @Test
    void presentedNumberAskingForBalanceGoesToAccounts() {
        DecisionResult result = turn("+15551234", "what's my balance", "account_balance", 0.88, 0);

        assertThat(result.decision().getQueue()).isEqualTo("accounts");
        assertThat(result.decision().getPriority()).isEqualTo(5);
    }

    @Test
    void lowConfidenceFirstTimeAsksTheCallerToClarify() {
        DecisionResult result = turn("5551234", "hmm well the thing", "loan_inquiry", 0.31, 0);

        assertThat(result.decision().getAction()).isEqualTo(Action.CLARIFY);
        assertThat(result.decision().getPrompt()).isEqualTo("clarify");
        assertThat(result.firedRules()).containsExactly("Not understood the first time: ask the caller to say it another way");
    }

    @Test
    void lowConfidenceAfterAClarificationGoesToAnAgent() {
        DecisionResult result = turn("5551234", "the thing with the stuff", "loan_inquiry", 0.31, 1);

        assertThat(result.decision().getAction()).isEqualTo(Action.TRANSFER);
        assertThat(result.decision().getQueue()).isEqualTo("customer-service");
        assertThat(result.firedRules()).containsExactly("Not understood after asking again: hand over to a person");
    }

    @Test
    void outOfScopeIsNotUnderstoodEvenWhenConfident() {
        DecisionResult result = turn("5551234", "what's the weather", "out_of_scope", 0.97, 0);

        assertThat(result.decision().getAction()).isEqualTo(Action.CLARIFY);
    }

    @Test
    void silenceIsNotUnderstood() {
        DecisionResult result = rules.decide(List.of(new Caller("5551234"), new DialogState(1, 0), Utterance.silence()));

        assertThat(result.decision().getAction()).isEqualTo(Action.CLARIFY);
    }

    @Test
    void keypadOneIsTheLostCardMenuChoice() {
        DecisionResult result = rules.decide(List.of(new Caller("5551234"), new DialogState(1, 0), Utterance.keyed("1")));

        assertThat(result.decision().getQueue()).isEqualTo("fraud");
        assertThat(result.firedRules()).containsExactly("Key 1 reports a lost or stolen card", "Serve lost_stolen_card",
                "A lost or stolen card goes to the fraud queue first");
    }

    @Test
    void unknownKeypadChoiceIsNotUnderstood() {
        DecisionResult result = rules.decide(List.of(new Caller("5551234"), new DialogState(1, 0), Utterance.keyed("9")));

        assertThat(result.decision().getAction()).isEqualTo(Action.CLARIFY);
    }

    @Test
    void goodbyeEndsTheCall() {
        DecisionResult result = turn("5551234", "no that's all thanks", "goodbye", 0.9, 0);

        assertThat(result.decision().getAction()).isEqualTo(Action.HANGUP);
        assertThat(result.decision().getPrompt()).isEqualTo("goodbye");
    }

    @Test
    void upsetCallerWhoWasNotUnderstoodGoesToAPersonAtOnceWithPriority() {
        DecisionResult result = rules.decide(List.of(new Caller("5551234"), new DialogState(1, 0),
                Utterance.spoken("this is the third time I am calling and nobody helps"),
                new IntentMatch("out_of_scope", 0.4), new Sentiment("negative", -0.8, -0.8, 0)));

        assertThat(result.decision().getQueue()).isEqualTo("customer-service");
        assertThat(result.decision().getPriority()).isEqualTo(2);
        assertThat(result.firedRules()).containsExactly("An upset caller who was not understood goes to a person at once");
    }

    @Test
    void calmCallerWhoWasNotUnderstoodIsAskedAgain() {
        DecisionResult result = rules.decide(List.of(new Caller("5551234"), new DialogState(1, 0),
                Utterance.spoken("hmm"), new Sentiment("neutral", 0.0, 0.0, 0)));

        assertThat(result.decision().getAction()).isEqualTo(Action.CLARIFY);
    }

    @Test
    void everyDecisionRecordsTheFactsTheRulesSaw() {
        DecisionResult result = turn("5551234", "I lost my card", "lost_stolen_card", 0.91, 0);

        assertThat(result.facts()).contains("Caller{number=5551234, withheld=false}",
                "IntentMatch{intent=lost_stolen_card, confidence=0.910}");
        assertThat(result.ruleSetVersion()).isEqualTo("default");
    }
}
