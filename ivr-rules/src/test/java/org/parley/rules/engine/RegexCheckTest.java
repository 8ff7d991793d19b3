package org.parley.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which regular expressions rules may use: the shapes that backtrack exponentially are refused, ordinary ones pass. */
class RegexCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"lang-.*", ".*card.*", "(?i)lost (my )?card", "[0-9]{4,6}", "\\d+", "(?:yes|yeah|yep)", "^\\+?1?\\d{10}$",
        "[a-z]+[(]x[)]", "\\Q(a+)+\\E", "(?<word>\\w+) please", "[\\[(]+", "(?=.*card).{0,20}", "(ab){3}", "a{2,}b", "(?i:card)s?"})
    void ordinaryPatternsPass(String regex) {
        assertThat(RegexCheck.problem(regex)).as(regex).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+b", "(a*)*", "(a|aa)+", "(x+x+)+y", "((ab)*c)+", "(\\w+\\s?)+$", "(.*a){12}", "(?:a|b?)+",
        "(?<w>a+)+", "(a)\\1", "\\k<w>", ".*a.*b.*c", "a{1,100}b{1,100}c{1,100}", "("})
    void patternsThatCanRunForeverOrDoNotCompileAreRefused(String regex) {
        assertThat(RegexCheck.problem(regex)).as(regex).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void aVeryLongPatternIsRefused() {
        assertThat(RegexCheck.problem("x".repeat(RegexCheck.MAX_LENGTH + 1))).contains("longer than");
    }
}
