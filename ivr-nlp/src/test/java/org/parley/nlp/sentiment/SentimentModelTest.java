package org.parley.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped sentiment model on phrasings that are not in its data. */
class SentimentModelTest {

    private static SentimentModel model;

    @BeforeAll
    static void load() throws Exception {
        model = SentimentModel.defaultModel();
    }

    @Test
    void negationTurnsPositiveWordsNegative() {
        assertThat(model.score("I'm happy about this").label()).isEqualTo("positive");
        assertThat(model.score("I am not happy about this at all").label()).isEqualTo("negative");
    }

    @Test
    void intensityMakesItStronglyNegative() {
        SentimentScore furious = model.score("I'm absolutely furious with you");

        assertThat(furious.label()).isEqualTo("negative");
        assertThat(furious.score()).isLessThan(-0.8);
    }

    @Test
    void callingAgainAndAgainIsNegative() {
        assertThat(model.score("this is the fourth time I have called").label()).isEqualTo("negative");
    }

    @Test
    void plainRequestsAreNeutralAndThanksArePositive() {
        assertThat(model.score("I want to check my balance please").label()).isEqualTo("neutral");
        assertThat(model.score("thanks a lot that's brilliant").score()).isGreaterThan(0.8);
        assertThat(model.score("").label()).isEqualTo("neutral");
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        for (String s : List.of("terrible awful useless", "great brilliant thanks", "hello", "not not not")) {
            assertThat(model.score(s).score()).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void trendIsTheSlopeOfScoresPerTurn() {
        SentimentTrend worsening = SentimentTrend.of(List.of(0.2, -0.2, -0.6));

        assertThat(worsening.average()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(worsening.trend()).isCloseTo(-0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SentimentTrend.of(List.of(0.5)).trend()).isZero();
        assertThat(SentimentTrend.of(List.of()).turns()).isZero();
    }

    @Test
    void negationScopeAndLexiconMarksAreFeatures() {
        assertThat(SentimentFeatures.of("not happy")).contains("NOT_happy", "POL_NOT_pos");
        assertThat(SentimentFeatures.of("absolutely furious")).contains("INT_furious", "POL_neg", "POL_INT_neg");
    }
}
