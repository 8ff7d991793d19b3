package org.parley.tools.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiArgumentsTest {

    @Test
    void splitsOnSpacesAndKeepsQuotedWordsTogether() {
        assertThat(AgiArguments.split("SET VARIABLE \"PARLEY_PROMPT\" \"transfer fraud\""))
                .containsExactly("SET", "VARIABLE", "PARLEY_PROMPT", "transfer fraud");
    }

    @Test
    void emptyQuotedArgumentIsAnArgument() {
        assertThat(AgiArguments.split("STREAM FILE \"parley/greeting\" \"\"")).containsExactly("STREAM", "FILE", "parley/greeting", "");
    }

    @Test
    void backslashEscapesAQuote() {
        assertThat(AgiArguments.split("VERBOSE \"say \\\"hi\\\"\" 1")).containsExactly("VERBOSE", "say \"hi\"", "1");
    }
}
