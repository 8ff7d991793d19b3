package org.parley.nlp.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DomainLanguageModelTest {

    private static PronunciationDictionary dictionary;

    @BeforeAll
    static void load() throws IOException {
        dictionary = PronunciationDictionary.englishUs();
    }

    private static final List<String> PHRASES = List.of("I lost my card", "my card was stolen", "I can't find my card",
            "pay 105 dollars please", "my card was swallowed by the zorblax machine", "lost card", "stolen wallet");

    @Test
    void knowsThePhrasesWordsSaysDigitsOneByOneAndReportsUnpronounceableWords() {
        DomainLanguageModel lm = new DomainLanguageModel(PHRASES, dictionary, 0.6);

        assertThat(lm.vocabulary()).contains("lost", "card", "can't", "one", "zero", "five", "dollars").doesNotContain("105", "zorblax");
        assertThat(lm.missingWords()).containsOnlyKeys("zorblax");
        assertThat(lm.sentences()).isEqualTo(PHRASES.size());
    }

    @Test
    void everyHistoryIsAProbabilityDistribution() throws IOException {
        DomainLanguageModel lm = new DomainLanguageModel(PHRASES, dictionary, 0.6);
        StringWriter arpa = new StringWriter();
        lm.writeArpa(arpa);

        Map<String, Double> p1 = new HashMap<>();
        Map<String, Double> bo1 = new HashMap<>();
        Map<String, Map<String, Double>> p2 = new HashMap<>();
        int section = 0;
        for (String line : arpa.toString().split("\n")) {
            if (line.startsWith("\\1-grams")) {
                section = 1;
            } else if (line.startsWith("\\2-grams")) {
                section = 2;
            } else if (line.startsWith("\\3-grams")) {
                section = 3;
            } else if (!line.isBlank() && !line.startsWith("\\") && section > 0) {
                String[] f = line.split("\t");
                String[] words = f[1].split(" ");
                double p = Math.pow(10, Double.parseDouble(f[0]));
                if (section == 1) {
                    p1.put(words[0], words[0].equals("<s>") ? 0 : p);
                    bo1.put(words[0], f.length > 2 ? Math.pow(10, Double.parseDouble(f[2])) : 0);
                } else if (section == 2) {
                    p2.computeIfAbsent(words[0], k -> new HashMap<>()).put(words[1], p);
                }
            }
        }
        assertThat(p1.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-3));
        assertThat(p2).containsKeys("<s>", "card", "lost");
        for (Map.Entry<String, Map<String, Double>> h : p2.entrySet()) {
            double seen = h.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            double unseen = p1.entrySet().stream().filter(e -> !h.getValue().containsKey(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
            assertThat(seen + bo1.get(h.getKey()) * unseen).as("P(. | %s)", h.getKey()).isCloseTo(1.0, within(2e-3));
        }
        assertThat(arpa.toString()).startsWith("\\data\\\nngram 1=").contains("\\3-grams:").endsWith("\\end\\\n");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new DomainLanguageModel(PHRASES, dictionary, 1.0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new DomainLanguageModel(List.of("zorblax", "  "), dictionary, 0.5))
                .hasMessageContaining("no phrase with a pronounceable word");
    }

    @Test
    void aDictionaryLineWithoutPhonesIsAnErrorWithItsLine() {
        byte[] dict = "card K AA R D\ncard(2) K AA D\nbroken\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PronunciationDictionary.read(new ByteArrayInputStream(dict), "extra.dict"))
                .isInstanceOf(IOException.class).hasMessageContaining("extra.dict line 3").hasMessageContaining("broken");
    }

    @Test
    void alternativePronunciationsAreKeptAndWrittenInSphinxForm() throws IOException {
        byte[] dict = "card K AA R D\ncard(2) K AA D\n;;; comment\n".getBytes(StandardCharsets.UTF_8);
        PronunciationDictionary d = PronunciationDictionary.read(new ByteArrayInputStream(dict), "extra.dict");
        StringWriter out = new StringWriter();
        d.write(List.of("card"), out);

        assertThat(d.pronunciations("card")).containsExactly("K AA R D", "K AA D");
        assertThat(out.toString()).isEqualTo("card K AA R D\ncard(2) K AA D\n");
    }

    @Test
    void shippedPhrasesAreAllPronounceable() throws IOException {
        DomainLanguageModel lm = new DomainLanguageModel(SphinxRecognizer.defaultPhrases(), dictionary, 0.6);
        assertThat(lm.missingWords()).as("add pronunciations to parley-words.dict").isEmpty();
        assertThat(lm.vocabulary()).contains("yes", "no", "january", "twentieth", "monday", "hundred", "balance");
    }
}
