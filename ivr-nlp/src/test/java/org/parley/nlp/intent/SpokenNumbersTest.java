package org.parley.nlp.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenNumbersTest {

    private static String normalise(String text) {
        List<String> out = SpokenNumbers.normalise(Arrays.asList(TextNormalizer.tokens(text)));
        return String.join(" ", out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my account is four five six seven | my account is 4567",
            "two hundred and fifty dollars | 250 dollars",
            "twenty one days ago | 21 days ago",
            "one thousand two hundred | 1200",
            "card ending oh nine one two | card ending 0912",
            "the one I have | the one i have",
            "bread and butter | bread and butter",
            "five and six | 5 and 6",
    })
    void spokenNumbersBecomeDigits(String spoken, String expected) {
        assertThat(normalise(spoken)).isEqualTo(expected);
    }
}
