package org.parley.ivr.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One thing someone did to the rules, for the audit: who (the authenticated user, never a request body),
 * when, what, to which version, and why. Written in the same transaction as the change itself.
 */
@Entity
@Table(name = "rule_change")
public class RuleChange {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 100)
    private String who;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Action action;

    @Column(nullable = false)
    private int version;

    @Column(length = 1000)
    private String comment;

    /** What was done. */
    public enum Action {
        /** A new version serves at once. */
        PUBLISHED,
        /** A new version waits for a second publisher (four-eyes). */
        PROPOSED,
        /** A second publisher let a proposed version serve. */
        APPROVED,
        /** A second publisher turned a proposed version down. */
        REJECTED,
        /** An earlier published version serves again. */
        ROLLED_BACK
    }

    protected RuleChange() {
    }

    RuleChange(Instant at, String who, Action action, int version, String comment) {
        this.at = at;
        this.who = who;
        this.action = action;
        this.version = version;
        this.comment = comment;
    }

    public Instant getAt() {
        return at;
    }

    public String getWho() {
        return who;
    }

    public Action getAction() {
        return action;
    }

    public int getVersion() {
        return version;
    }

    public String getComment() {
        return comment;
    }
}
