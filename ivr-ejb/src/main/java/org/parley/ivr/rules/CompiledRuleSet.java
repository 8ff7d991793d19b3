package org.parley.ivr.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rule-set version's compiled form ({@link org.parley.rules.engine.RuleModule}), stored once a node has compiled
 * it, so that the other nodes and later restarts load it instead of compiling. Keyed by the version and the compiler
 * that made it: a release with another Drools or fact model does not find it and compiles again. A cache of
 * what the version's files give; deleting rows loses nothing.
 */
@Entity
@Table(name = "rule_set_compiled")
public class CompiledRuleSet {

    @Id
    @Column(length = 160)
    private String id;

    @Column(nullable = false)
    private int versionNumber;

    @Column(nullable = false, length = 140)
    private String compiler;

    /** Bytes in the row (PostgreSQL {@code bytea}, H2 {@code blob}). */
    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    @Column(nullable = false)
    private byte[] module;

    @Column(nullable = false)
    private Instant compiledAt;

    protected CompiledRuleSet() {
    }

    CompiledRuleSet(int versionNumber, String compiler, byte[] module, Instant compiledAt) {
        this.id = key(versionNumber, compiler);
        this.versionNumber = versionNumber;
        this.compiler = compiler;
        this.module = module;
        this.compiledAt = compiledAt;
    }

    static String key(int versionNumber, String compiler) {
        return versionNumber + "@" + compiler;
    }

    byte[] getModule() {
        return module;
    }
}
