package org.parley.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that go into dialplan variables (PARLEY_QUEUE, PARLEY_PROMPT) cannot carry dialplan syntax. */
class SafeNameTest {

    @Test
    void theShippedQueuesAndPromptsAreSafeNames() {
        Vocabulary shipped = Vocabulary.shipped(SafeNameTest.class.getClassLoader());

        assertThat(shipped.queues()).isNotEmpty().allMatch(Vocabulary::isSafeName);
        assertThat(shipped.prompts()).isNotEmpty().allMatch(Vocabulary::isSafeName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cards,t", "cards|t", "${SHELL(id)}", "cards;x", "cards x", "", "-cards", "cards\nexten", "fr\u00e9"})
    void dialplanSyntaxIsNotAName(String name) {
        assertThat(Vocabulary.isSafeName(name)).isFalse();
    }

    @Test
    void aNameIsAtMostEightyCharacters() {
        assertThat(Vocabulary.isSafeName("q".repeat(80))).isTrue();
        assertThat(Vocabulary.isSafeName("q".repeat(81))).isFalse();
        assertThat(Vocabulary.isSafeName(null)).isFalse();
    }
}
