package org.parley.ivr.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.scenario.ScenarioFile;

/**
 * One file of a rule-set version: a rule file ({@code .drl}, {@code .dsl}, {@code .dslr}, a decision
 * table {@code .drl.csv} or {@code .drl.xlsx}, the spreadsheet as Base64) or a scenario file
 * ({@code .yaml}, {@code .csv}).
 */
@Embeddable
public class RuleFile {

    @Column(nullable = false, length = 200)
    private String path;

    /** Long text in the row (PostgreSQL {@code text}, H2 {@code clob}), not a large object stored apart from it. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
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
        return RuleSource.isRuleFile(path);
    }

    public boolean isScenarios() {
        return ScenarioFile.isScenarioFile(path);
    }

    /** Whether the content is Base64 of a binary file (a spreadsheet). */
    public boolean isBinary() {
        return RuleSource.isBinary(path);
    }
}
