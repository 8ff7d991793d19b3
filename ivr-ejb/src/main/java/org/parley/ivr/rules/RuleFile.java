package org.parley.ivr.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** One file of a rule-set version: a .drl rule file or a .yaml scenario file. */
@Embeddable
public class RuleFile {

    @Column(nullable = false, length = 200)
    private String path;

    @Lob
    @Column(nullable = false)
    private String content;

    protected RuleFile() {
    }

    public RuleFile(String path, String content) {
        this.path = path;
        this.content = content;
    }

    public String getPath() {
        return path;
    }

    public String getContent() {
        return content;
    }

    public boolean isRules() {
        return path.endsWith(".drl");
    }

    public boolean isScenarios() {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }
}
