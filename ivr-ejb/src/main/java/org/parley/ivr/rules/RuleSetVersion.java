package org.parley.ivr.rules;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule set as an analyst handed it in: numbered, with author, time and comment, and its files. The files
 * never change. What does change: which version is {@code serving} (publish, approve, rollback) and, with
 * four-eyes publishing, a {@link State#PROPOSED} version's review (approved or rejected, by whom, when).
 */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    private int number;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(length = 1000)
    private String comment;

    @Column(nullable = false)
    private Instant publishedAt;

    @Column(nullable = false)
    private boolean serving;

    /** Null in rows written before four-eyes publishing existed: those were published. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private State state;

    @Column(length = 100)
    private String reviewedBy;

    private Instant reviewedAt;

    @Column(length = 1000)
    private String reviewComment;

    /** Where a version is in its life. */
    public enum State {
        /** Handed in while four-eyes publishing is on; waits for a second publisher. Never serves. */
        PROPOSED,
        /** Published (at once, or approved by a second publisher); may serve, now or again after a rollback. */
        PUBLISHED,
        /** Turned down by a second publisher; kept for the record, never serves. */
        REJECTED
    }

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rule_file", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<RuleFile> files = new ArrayList<>();

    protected RuleSetVersion() {
    }

    RuleSetVersion(int number, String author, String comment, Instant publishedAt, List<RuleFile> files) {
        this.number = number;
        this.author = author;
        this.comment = comment;
        this.publishedAt = publishedAt;
        this.files = new ArrayList<>(files);
    }

    void setServing(boolean serving) {
        this.serving = serving;
    }

    void propose() {
        this.state = State.PROPOSED;
    }

    /** Refuses (with why) unless this version waits for review and {@code who} did not propose it. */
    void checkReviewableBy(String who) {
        if (getState() != State.PROPOSED) {
            throw new RuleLifecycleException(RuleLifecycleException.Reason.NOT_PROPOSED,
                    getLabel() + " is " + getState().name().toLowerCase(java.util.Locale.ROOT) + ", not waiting for review");
        }
        if (author.equals(who)) {
            throw new RuleLifecycleException(RuleLifecycleException.Reason.OWN_PROPOSAL, who + " proposed " + getLabel()
                    + "; another publisher must review it");
        }
    }

    void review(State outcome, String who, Instant at, String comment) {
        this.state = outcome;
        this.reviewedBy = who;
        this.reviewedAt = at;
        this.reviewComment = comment;
    }

    public State getState() {
        return state == null ? State.PUBLISHED : state;
    }

    /** The second publisher who approved or rejected a proposed version; null otherwise. */
    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public int getNumber() {
        return number;
    }

    /** The label decisions record, e.g. "v3". */
    public String getLabel() {
        return label(number);
    }

    /** The label of version {@code number}. */
    public static String label(int number) {
        return "v" + number;
    }

    public String getAuthor() {
        return author;
    }

    public String getComment() {
        return comment;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isServing() {
        return serving;
    }

    public List<RuleFile> getFiles() {
        return List.copyOf(files);
    }
}
