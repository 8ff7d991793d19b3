package org.parley.ivr.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The audit of one routing decision: what was decided, by which rule-set version, which rules fired
 * in which order and the facts they saw.
 */
@Entity
@Table(name = "decision_record")
public class DecisionRecord {

    @Id
    @GeneratedValue
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "turn_id", unique = true)
    private Turn turn;

    @Column(length = 16)
    private String action;

    @Column(length = 64)
    private String route;

    @Column(length = 64)
    private String queue;

    private int priority;

    @Column(length = 128)
    private String prompt;

    @Column(length = 64, nullable = false)
    private String ruleSetVersion;

    /** Rule names in firing order, one per line. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String firedRules;

    /** The facts the rules saw, one per line. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String facts;

    /** The situation the rules were given (YAML), to replay the decision under another version. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String situation;

    private long decisionMicros;

    /** Why the rules did not finish this turn (fire limit, deadline, a rule that threw); null when they did. */
    @Column(length = 1000)
    private String failure;

    protected DecisionRecord() {
    }

    DecisionRecord(Turn turn, String action, String route, String queue, int priority, String prompt,
                   String ruleSetVersion, List<String> firedRules, List<String> facts, String situation, long decisionMicros,
                   String failure) {
        this.turn = turn;
        this.action = action;
        this.route = route;
        this.queue = queue;
        this.priority = priority;
        this.prompt = prompt;
        this.ruleSetVersion = ruleSetVersion;
        this.firedRules = String.join("\n", firedRules);
        this.facts = String.join("\n", facts);
        this.situation = situation;
        this.decisionMicros = decisionMicros;
        this.failure = failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 997) + "...";
    }

    public String getFailure() {
        return failure;
    }

    public Long getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getRoute() {
        return route;
    }

    public String getQueue() {
        return queue;
    }

    public int getPriority() {
        return priority;
    }

    public String getPrompt() {
        return prompt;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public List<String> getFiredRules() {
        return lines(firedRules);
    }

    public List<String> getFacts() {
        return lines(facts);
    }

    /** The situation as YAML; null for decisions recorded before snapshots were kept. */
    public String getSituation() {
        return situation;
    }

    public Turn getTurn() {
        return turn;
    }

    public long getDecisionMicros() {
        return decisionMicros;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
