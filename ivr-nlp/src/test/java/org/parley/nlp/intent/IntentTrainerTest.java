package org.parley.nlp.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on a small, real file: what the model file carries and how out-of-scope is handled. */
class IntentTrainerTest {

    private static TrainingData shipped;

    @BeforeAll
    static void readShippedData() throws Exception {
        try (var in = IntentTrainerTest.class.getClassLoader().getResourceAsStream("org/parley/nlp/intent/default-intents.csv")) {
            shipped = TrainingData.readCsv("default-intents.csv", new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void modelFileCarriesThresholdSettingsAndDataHash() throws Exception {
        IntentTrainer.Outcome outcome = IntentTrainer.withDefaults().train(shipped);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outcome.model().write(bytes);
        IntentModel reread = IntentModel.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(reread.threshold()).isEqualTo(outcome.threshold()).isGreaterThan(0.0);
        assertThat(reread.features()).isEqualTo(FeatureSettings.DEFAULT);
        assertThat(reread.info("parley.data.sha256")).hasSize(64);
        assertThat(reread.info("parley.data.examples")).isEqualTo(Integer.toString(shipped.examples().size()));
        assertThat(reread.info("parley.training.algorithm")).isEqualTo("MAXENT_QN");
        assertThat(outcome.heldOut()).isGreaterThanOrEqualTo(shipped.intentCounts().size());
        assertThat(reread.classify("I lost my card").intent()).isEqualTo("lost_stolen_card");
    }

    @Test
    void sameDataGivesTheSameHashAndOtherDataAnother() throws Exception {
        TrainerSettings fast = TrainerSettings.DEFAULT.withValidationShare(0);
        IntentModel a = new IntentTrainer(fast).train(shipped).model();
        IntentModel b = new IntentTrainer(fast).train(shipped).model();
        TrainingData fewer = TrainingData.of("fewer", shipped.examples().subList(0, shipped.examples().size() - 1), 1);
        IntentModel c = new IntentTrainer(fast).train(fewer).model();

        assertThat(a.info("parley.data.sha256")).isEqualTo(b.info("parley.data.sha256")).isNotEqualTo(c.info("parley.data.sha256"));
    }

    @Test
    void thresholdWithoutOutOfScopeDataKeepsMostCorrectAnswers() {
        List<double[]> scored = List.of(
                new double[] {0.9, 1, 0, 0}, new double[] {0.8, 1, 0, 0}, new double[] {0.7, 1, 0, 0},
                new double[] {0.2, 0, 0, 0}, new double[] {0.1, 0, 0, 0});

        assertThat(IntentTrainer.chooseThreshold(scored)).isEqualTo(0.7);
    }

    @Test
    void thresholdWithOutOfScopeDataSeparatesThem() {
        // {confidence, top-1 right, is out-of-scope, predicted out-of-scope}
        List<double[]> scored = List.of(
                new double[] {0.9, 1, 0, 0}, new double[] {0.6, 1, 0, 0}, new double[] {0.4, 0, 1, 0},
                new double[] {0.3, 0, 1, 0}, new double[] {0.5, 0, 0, 0});

        assertThat(IntentTrainer.chooseThreshold(scored)).isEqualTo(0.5);
    }

    @Test
    void evaluatorCountsOutOfScopeAndConfusions() throws Exception {
        IntentModel model = IntentModel.defaultModel();
        TrainingData test = TrainingData.readCsv("t.csv", new StringReader(
                "text,intent\nsomeone stole my card,lost_stolen_card\nmy wifi is down,technical_support\n"
                        + "the speed of light in vacuum,oos\nhow do I activate my new card,lost_stolen_card\n"), 1);

        EvaluationReport report = IntentEvaluator.evaluate(model, test);

        assertThat(report.examples()).isEqualTo(4);
        assertThat(report.perIntent()).containsKeys("lost_stolen_card", "technical_support", "out_of_scope");
        assertThat(report.confusions()).anyMatch(c -> c.expected().equals("lost_stolen_card") && c.predicted().equals("card_activation"));
        assertThat(report.outOfScopeRecall()).isBetween(0.0, 1.0);
        assertThat(report.latencyP99Micros()).isPositive();
    }
}
