package org.parley.rules.engine;

import java.util.Objects;

/**
 * One rule file: its path (which also tells Drools its type by extension, e.g. {@code routing.drl})
 * and its text.
 */
public record RuleSource(String path, String content) {

    public RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!path.endsWith(".drl")) {
            throw new IllegalArgumentException("rule file " + path + ": only .drl files are supported so far; rename it to end in .drl");
        }
    }
}
