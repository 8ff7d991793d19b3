package org.parley.ivr.rules;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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
 * A published rule set: numbered, with author, time and comment, and its files. Never changed
 * after publishing; only which version is {@code serving} changes (publish, rollback).
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

    public int getNumber() {
        return number;
    }

    /** The label decisions record, e.g. "v3". */
    public String getLabel() {
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
