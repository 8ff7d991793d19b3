package org.parley.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped merchant/person name finder, measured on held-out utterances with unseen names and phrasings. */
class NameFinderTest {

    private static NameFinder finder;

    @BeforeAll
    static void load() throws Exception {
        finder = NameFinder.defaultFinder();
    }

    @Test
    void findsMerchantsAndPeopleItNeverSawInTraining() {
        assertThat(finder.find("There's a charge from Aldi I don't recognise."))
                .containsExactly(new Entity(Entity.Type.MERCHANT, "aldi", "aldi"));
        assertThat(finder.find("um hi my name's amelia kowalski"))
                .extracting(Entity::type, Entity::value).containsExactly(org.assertj.core.groups.Tuple.tuple(Entity.Type.PERSON_NAME, "amelia kowalski"));
    }

    @Test
    void findsNothingWhereThereIsNoName() {
        assertThat(finder.find("I lost my card")).isEmpty();
        assertThat(finder.find("what's my balance")).isEmpty();
        assertThat(finder.find("")).isEmpty();
    }

    @Test
    void heldOutScoreIsReported() throws Exception {
        Path heldOut = Path.of(getClass().getClassLoader().getResource("org/parley/nlp/entity/names-test.txt").toURI());
        NameTrainer.Score score = NameTrainer.evaluate(finder, NameTrainer.read(heldOut));

        System.out.printf(Locale.ROOT, "Name finder held-out: %d names, precision %.3f, recall %.3f, F1 %.3f%n",
                score.names(), score.precision(), score.recall(), score.f1());
        assertThat(score.names()).isGreaterThan(100);
        // Held out are names AND phrasings the training data never has; 0.62 when this was written.
        assertThat(score.f1()).isGreaterThan(0.55);
        assertThat(score.precision()).isGreaterThan(0.6);
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> finder.find("someone used my card at tesco")));
            }
            for (Future<List<Entity>> r : results) {
                assertThat(r.get()).extracting(Entity::value).containsExactly("tesco");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadTrainingLineNamesItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("names.txt");
        Files.writeString(bad, "a charge from <START:merchant> aldi <END>\na charge from <START:merchant> lidl\n");

        assertThatThrownBy(() -> NameTrainer.read(bad)).hasMessageContaining("names.txt line 2: not a name sample");
    }
}
