package org.parley.ivr.call;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One question and answer in a call: what the caller gave, what we understood, what was decided. */
@Entity
@Table(name = "turn", indexes = @Index(name = "ix_turn_call", columnList = "call_id"))
public class Turn {

    /** How the caller answered. */
    public enum InputMode { SPEECH, TEXT, KEYS, NONE }

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "call_id")
    private CallRecord call;

    private int number;

    @Column(length = 8, nullable = false)
    private String inputMode;

    @Column(length = 1000)
    private String text;

    @Column(length = 64)
    private String digits;

    @Column(length = 64)
    private String intent;

    private Double confidence;

    /** The best few intents with their probabilities, e.g. "lost_stolen_card=0.91 card_activation=0.03". */
    @Column(length = 400)
    private String alternatives;

    @Column(length = 16)
    private String sentiment;

    private Double sentimentScore;

    /** Entities found, e.g. "CARD_LAST4=4321; AMOUNT=250.00 USD". */
    @Column(length = 1000)
    private String entities;

    private long turnMicros;

    /** Speech turns: the recogniser's confidence, the utterance's length and the decoding time. */
    private Double asrConfidence;

    private Long audioMillis;

    private Long asrMillis;

    @Column(nullable = false)
    private Instant at;

    @OneToOne(mappedBy = "turn", cascade = CascadeType.ALL, optional = false)
    private DecisionRecord decision;

    protected Turn() {
    }

    Turn(CallRecord call, int number, InputMode inputMode, String text, String digits, String intent, Double confidence,
         String alternatives, String sentiment, Double sentimentScore, String entities, long turnMicros, Instant at) {
        this.call = call;
        this.number = number;
        this.inputMode = inputMode.name();
        this.text = text;
        this.digits = digits;
        this.intent = intent;
        this.confidence = confidence;
        this.alternatives = alternatives;
        this.sentiment = sentiment;
        this.sentimentScore = sentimentScore;
        this.entities = entities;
        this.turnMicros = turnMicros;
        this.at = at;
    }

    void setRecognition(double confidence, long audioMillis, long asrMillis) {
        this.asrConfidence = confidence;
        this.audioMillis = audioMillis;
        this.asrMillis = asrMillis;
    }

    public Double getAsrConfidence() {
        return asrConfidence;
    }

    public Long getAudioMillis() {
        return audioMillis;
    }

    public Long getAsrMillis() {
        return asrMillis;
    }

    void setDecision(DecisionRecord decision) {
        this.decision = decision;
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public InputMode getInputMode() {
        return InputMode.valueOf(inputMode);
    }

    public String getText() {
        return text;
    }

    public String getDigits() {
        return digits;
    }

    public String getIntent() {
        return intent;
    }

    public Double getConfidence() {
        return confidence;
    }

    public String getAlternatives() {
        return alternatives;
    }

    public String getSentiment() {
        return sentiment;
    }

    public Double getSentimentScore() {
        return sentimentScore;
    }

    public String getEntities() {
        return entities;
    }

    public long getTurnMicros() {
        return turnMicros;
    }

    public Instant getAt() {
        return at;
    }

    public DecisionRecord getDecision() {
        return decision;
    }
}
