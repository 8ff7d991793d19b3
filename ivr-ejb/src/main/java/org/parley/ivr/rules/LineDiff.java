package org.parley.ivr.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts for the console ("  " same, "- " only in the old, "+ " only in the new),
 * computed by java-diff-utils (Myers' algorithm: time and memory grow with the size of the texts and
 * of the difference, not with their product).
 */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<String> of(String oldText, String newText) {
        List<String> a = oldText.isEmpty() ? List.of() : List.of(oldText.split("\n", -1));
        List<String> b = newText.isEmpty() ? List.of() : List.of(newText.split("\n", -1));
        List<String> out = new ArrayList<>(a.size() + b.size());
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, true).getDeltas()) {
            switch (delta.getType()) {
                case EQUAL -> delta.getSource().getLines().forEach(line -> out.add("  " + line));
                case DELETE, CHANGE, INSERT -> {
                    delta.getSource().getLines().forEach(line -> out.add("- " + line));
                    delta.getTarget().getLines().forEach(line -> out.add("+ " + line));
                }
            }
        }
        return out;
    }
}
