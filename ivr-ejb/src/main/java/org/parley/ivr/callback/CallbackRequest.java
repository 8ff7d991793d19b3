package org.parley.ivr.callback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A caller to ring back from a queue: due at {@code dueAt}, then placed (or failed after its attempts). */
@Entity
@Table(name = "callback_request", indexes = @Index(name = "ix_callback_due", columnList = "status, dueAt"))
public class CallbackRequest {

    /** Where a callback stands. */
    public enum Status { PENDING, PLACED, FAILED }

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 64)
    private String callUniqueId;

    @Column(nullable = false, length = 64)
    private String number;

    @Column(nullable = false, length = 64)
    private String queue;

    private int priority;

    @Column(nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    private int attempts;

    @Column(length = 300)
    private String lastError;

    /** The node that last claimed it to place it (see {@link Callbacks#claimDue}). */
    @Column(length = 64)
    private String claimedBy;

    private Instant placedAt;

    /** When the call asked for it (the per-number limit counts these). */
    private Instant createdAt;

    protected CallbackRequest() {
    }

    CallbackRequest(String callUniqueId, String number, String queue, int priority, Instant dueAt) {
        this.createdAt = Instant.now();
        this.callUniqueId = callUniqueId;
        this.number = number;
        this.queue = queue;
        this.priority = priority;
        this.dueAt = dueAt;
    }

    /** Taken by {@code node} to be placed: no other node sees it as due before {@code until}. */
    void claim(String node, Instant until) {
        this.claimedBy = node;
        this.dueAt = until;
    }

    void placed(Instant at) {
        attempts++;
        status = Status.PLACED;
        placedAt = at;
        lastError = null;
    }

    void failed(String error, Instant retryAt, int maxAttempts) {
        attempts++;
        lastError = error.length() > 300 ? error.substring(0, 300) : error;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
        } else {
            dueAt = retryAt;
        }
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Long getId() {
        return id;
    }

    public String getCallUniqueId() {
        return callUniqueId;
    }

    public String getNumber() {
        return number;
    }

    public String getQueue() {
        return queue;
    }

    public int getPriority() {
        return priority;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }
}
