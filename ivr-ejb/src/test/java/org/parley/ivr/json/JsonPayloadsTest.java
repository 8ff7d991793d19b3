package org.parley.ivr.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPayloadsTest {

    /** The bodies JSON-B loops on for ever (an unknown property holding an unterminated array or object), and other broken JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"z\":[", "{\"z\":[1,", "{\"z\":{", "{\"z\":[[", "{\"z\":[\"a\"", "{\"a\":1} x", "{\"a\":1}{", "{", "  "})
    void incompleteOrTrailingJsonIsRefusedWithWhatIsWrong(String body) {
        assertThatThrownBy(() -> JsonPayloads.check(body.getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(JsonPayloads.BadJson.class).hasMessageContaining("JSON");
    }

    @Test
    void sizeAndDepthAreBounded() {
        String deep = "[".repeat(JsonPayloads.MAX_DEPTH + 1) + "]".repeat(JsonPayloads.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonPayloads.check(deep.getBytes(StandardCharsets.UTF_8), 1000)).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> JsonPayloads.check(new byte[1001], 1000)).hasMessageContaining("larger than 1000 bytes");
    }

    @Test
    void completeJsonAndAnEmptyBodyPass() {
        JsonPayloads.check("{\"customerId\":\"C-1\",\"tags\":[1,{\"a\":[]}]}".getBytes(StandardCharsets.UTF_8), 1000);
        JsonPayloads.check("7".getBytes(StandardCharsets.UTF_8), 1000);
        JsonPayloads.check(new byte[0], 1000);
        assertThat(JsonPayloads.MAX_DEPTH).isGreaterThan(2);
    }
}
