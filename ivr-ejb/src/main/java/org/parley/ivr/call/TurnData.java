package org.parley.ivr.call;

import java.time.Instant;
import org.parley.nlp.ParseResult;
import org.parley.nlp.speech.Transcript;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.Situation;
import org.parley.rules.fact.Utterance;

/**
 * One finished turn as the dialog hands it over for recording; {@code understood} is null for keys or silence,
 * {@code recognition} null unless the words came from the speech recogniser; {@code situation} is what the rules were
 * given, kept so the turn can be replayed; {@code at} is when the turn was decided (a record written late keeps it).
 */
public record TurnData(int number, Utterance heard, ParseResult understood, Situation situation, DecisionResult decision,
                       long turnMicros, Transcript recognition, Instant at) {

    /** A turn decided now. */
    public TurnData(int number, Utterance heard, ParseResult understood, Situation situation, DecisionResult decision, long turnMicros,
                    Transcript recognition) {
        this(number, heard, understood, situation, decision, turnMicros, recognition, Instant.now());
    }

    /** A turn without speech recognition (keys, typed words, silence), decided now. */
    public TurnData(int number, Utterance heard, ParseResult understood, Situation situation, DecisionResult decision, long turnMicros) {
        this(number, heard, understood, situation, decision, turnMicros, null);
    }
}
