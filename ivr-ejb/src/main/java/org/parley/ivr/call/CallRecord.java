package org.parley.ivr.call;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One call through the IVR, from the moment Asterisk handed it over to how it left. */
@Entity
@Table(name = "call_record", indexes = {@Index(name = "ix_call_unique_id", columnList = "uniqueId"),
        @Index(name = "ix_call_started", columnList = "startedAt"), @Index(name = "ix_call_ended", columnList = "endedAt"),
        @Index(name = "ix_call_caller_started", columnList = "callerNumber, startedAt")})
public class CallRecord {

    @Id
    @GeneratedValue
    private Long id;

    /** Asterisk's uniqueid of the channel. */
    @Column(nullable = false, length = 64)
    private String uniqueId;

    @Column(length = 128)
    private String channel;

    @Column(length = 64)
    private String callerNumber;

    @Column(length = 64)
    private String dialedNumber;

    /** The server (jboss.node.name) that took the call: a restarted node closes only the calls it left open. */
    @Column(length = 64)
    private String node;

    @Column(nullable = false)
    private Instant startedAt;

    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallStatus status;

    @Column(length = 64)
    private String route;

    @Column(length = 64)
    private String queue;

    private Integer priority;

    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<Turn> turns = new ArrayList<>();

    protected CallRecord() {
    }

    public CallRecord(String uniqueId, String channel, String callerNumber, String dialedNumber, String node, Instant startedAt) {
        this.uniqueId = uniqueId;
        this.node = node;
        this.channel = channel;
        this.callerNumber = callerNumber;
        this.dialedNumber = dialedNumber;
        this.startedAt = startedAt;
        this.status = CallStatus.IN_PROGRESS;
    }

    void addTurn(Turn turn) {
        turns.add(turn);
    }

    void finish(CallStatus status, String route, String queue, Integer priority, Instant endedAt) {
        this.status = status;
        this.route = route;
        this.queue = queue;
        this.priority = priority;
        this.endedAt = endedAt;
    }

    /**
     * Another node carries the call on (its first node died, or lost the link to Asterisk): the call is that node's
     * from now on, and in progress again if the first node had already recorded it as cut off.
     */
    void takenOverBy(String node) {
        this.node = node;
        if (status != CallStatus.IN_PROGRESS) {
            finish(CallStatus.IN_PROGRESS, null, null, null, null);
        }
    }

    public Long getId() {
        return id;
    }

    public String getUniqueId() {
        return uniqueId;
    }

    public String getNode() {
        return node;
    }

    public String getChannel() {
        return channel;
    }

    public String getCallerNumber() {
        return callerNumber;
    }

    public String getDialedNumber() {
        return dialedNumber;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public CallStatus getStatus() {
        return status;
    }

    public String getRoute() {
        return route;
    }

    public String getQueue() {
        return queue;
    }

    public Integer getPriority() {
        return priority;
    }

    public List<Turn> getTurns() {
        return turns;
    }
}
