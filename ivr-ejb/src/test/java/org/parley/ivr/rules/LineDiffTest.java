package org.parley.ivr.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The console's diff between two versions of a rule file. */
class LineDiffTest {

    @Test
    void keepsEqualLinesAndMarksRemovedThenAddedOnes() {
        assertThat(LineDiff.of("rule a\nwhen\n  x\nthen\nend", "rule a\nwhen\n  y\n  z\nthen\nend"))
                .containsExactly("  rule a", "  when", "-   x", "+   y", "+   z", "  then", "  end");
    }

    @Test
    void aNewFileIsAllAddedAndADeletedOneAllRemoved() {
        assertThat(LineDiff.of("", "a\nb")).containsExactly("+ a", "+ b");
        assertThat(LineDiff.of("a\nb", "")).containsExactly("- a", "- b");
        assertThat(LineDiff.of("", "")).isEmpty();
    }

    @Test
    void aLargeFileWithOneChangeGivesEveryLineOnce() {
        String old = IntStream.range(0, 50_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String changed = old.replace("line 25000\n", "line 25000 changed\n");

        assertThat(LineDiff.of(old, changed)).hasSize(50_001)
                .contains("- line 25000", "+ line 25000 changed")
                .filteredOn(l -> !l.startsWith("  ")).hasSize(2);
    }
}
