package org.parley.ivr.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event for one target. {@code eventId} is the idempotency key the receiver sees (the same for
 * every target and every retry). Delivered rows keep {@code deliveredAt}; rows that ran out of
 * attempts are {@code dead} until replayed.
 */
@Entity
@Table(name = "outbox_event", indexes = {@Index(name = "ix_outbox_due", columnList = "deliveredAt, dead, nextAttemptAt"),
        @Index(name = "ix_outbox_event", columnList = "eventId")})
public class OutboxEvent {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 36)
    private String eventId;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(nullable = false, length = 500)
    private String target;

    @Column(length = 64)
    private String callUniqueId;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private Instant createdAt;

    private int attempts;

    @Column(nullable = false)
    private Instant nextAttemptAt;

    private Instant deliveredAt;

    private boolean dead;

    @Column(length = 500)
    private String lastError;

    /** The node that last claimed the row for delivery (see {@link OutboxRows#claimDue}). */
    @Column(length = 64)
    private String claimedBy;

    protected OutboxEvent() {
    }

    OutboxEvent(String eventId, String type, String target, String callUniqueId, String payload, Instant at) {
        this.eventId = eventId;
        this.type = type;
        this.target = target;
        this.callUniqueId = callUniqueId;
        this.payload = payload;
        this.createdAt = at;
        this.nextAttemptAt = at;
    }

    /** Taken for delivery by {@code node}: no other node sees it as due before {@code until}. */
    void claim(String node, Instant until) {
        this.claimedBy = node;
        this.nextAttemptAt = until;
    }

    void delivered(Instant at) {
        this.attempts++;
        this.deliveredAt = at;
        this.lastError = null;
    }

    /** A failed attempt: retry after {@code backoffMillis}, or die after {@code maxAttempts}. */
    void failed(String error, Instant at, long backoffMillis, int maxAttempts) {
        this.attempts++;
        this.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= maxAttempts) {
            this.dead = true;
        } else {
            this.nextAttemptAt = at.plusMillis(backoffMillis);
        }
    }

    void revive(Instant at) {
        this.dead = false;
        this.attempts = 0;
        this.nextAttemptAt = at;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public String getTarget() {
        return target;
    }

    public String getCallUniqueId() {
        return callUniqueId;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public boolean isDead() {
        return dead;
    }

    /** When the next delivery attempt is due. */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
