package org.parley.nlp.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model trained at build time from the shipped banking/telecom examples, asked about phrasings
 * that are not in its training file.
 */
class DefaultIntentModelTest {

    private static IntentModel model;

    @BeforeAll
    static void loadShippedModel() throws Exception {
        model = IntentModel.defaultModel();
    }

    @Test
    void knowsAtLeastTwelveIntents() {
        assertThat(model.intents()).hasSizeGreaterThanOrEqualTo(12).contains("lost_stolen_card", "speak_to_agent");
    }

    @ParameterizedTest
    @CsvSource({
            "a thief took my credit card yesterday, lost_stolen_card",
            "I can't find my bank card, lost_stolen_card",
            "how much money is in my account, account_balance",
            "my wifi stopped working, technical_support",
            "I'd like to talk to a real person, speak_to_agent",
            "why is this month's bill so expensive, billing_question",
            "I forgot the password for the app, online_access",
    })
    void recognisesUnseenPhrasings(String text, String expected) {
        IntentPrediction prediction = model.classify(text);

        assertThat(prediction.intent()).as("intent of '%s' (%s)", text, prediction).isEqualTo(expected);
        assertThat(prediction.confidence()).isGreaterThan(0.3);
        assertThat(prediction.ranked()).hasSize(3);
        assertThat(prediction.ranked().get(0).probability()).isGreaterThanOrEqualTo(prediction.ranked().get(1).probability());
    }

    @Test
    void gibberishGetsLowConfidence() {
        assertThat(model.classify("purple elephant trombone").confidence()).isLessThan(0.5);
    }

    @Test
    void emptyTextHasNoIntent() {
        IntentPrediction prediction = model.classify("  ");

        assertThat(prediction.intent()).isEmpty();
        assertThat(prediction.confidence()).isZero();
    }

    @Test
    void tokensIgnoreCaseApostrophesAndPunctuation() {
        assertThat(TextNormalizer.tokens("I CAN'T log-in, help!")).containsExactly("i", "cant", "log", "in", "help");
    }
}
