package org.parley.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.rules.engine.Vocabulary;

/** Every prompt the catalogue names has audio at both rates, and everything that plays a prompt names one of the catalogue. */
class PromptCatalogueTest {

    private static final Path ASTERISK = Path.of("../asterisk-conf/src/main/asterisk");

    private record Entry(String id, String language) {
    }

    private static List<Entry> entries() throws Exception {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(ASTERISK.resolve("sounds/prompts.csv"));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] f = line.split(",", 3);
                entries.add(new Entry(f[0], f[1]));
            }
        }
        return entries;
    }

    @Test
    void everyPromptHasAudioAt8And16KilohertzInEachOfItsLanguages() throws Exception {
        assertThat(entries()).hasSizeGreaterThan(25).allSatisfy(e -> {
            for (String rate : List.of(".sln", ".sln16")) {
                Path audio = ASTERISK.resolve("sounds/" + e.language() + "/parley/" + e.id() + rate);
                assertThat(audio).as(e + rate).exists();
                long bytes = Files.size(audio);
                assertThat(bytes % 2).as("16-bit samples in " + audio).isZero();
                assertThat(bytes).as("at least half a second in " + audio).isGreaterThan(rate.equals(".sln") ? 8_000 : 16_000);
            }
        });
        assertThat(entries()).filteredOn(e -> e.language().equals("en")).extracting(Entry::id)
                .as("every prompt exists in English, Asterisk's default language").containsAll(entries().stream().map(Entry::id).toList());
    }

    @Test
    void theDialplanAndTheDialogPlayOnlyPromptsOfTheCatalogue() throws Exception {
        Set<String> catalogue = Vocabulary.shipped(getClass().getClassLoader()).prompts();
        Matcher m = Pattern.compile("parley/([a-z0-9-]+)").matcher(Files.readString(ASTERISK.resolve("extensions.conf")));
        List<String> dialplan = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("extensions")) { // #include "parley/extensions.conf"
                dialplan.add(m.group(1));
            }
        }
        assertThat(dialplan).isNotEmpty();
        assertThat(catalogue).containsAll(dialplan)
                // what the dialog itself plays (DialogService): the opening, the question, the safety-net transfer, the re-ask
                .contains("greeting", "how-can-i-help", "transfer-agent", "clarify");
    }
}
