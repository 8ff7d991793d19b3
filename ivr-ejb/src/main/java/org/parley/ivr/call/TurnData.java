package org.parley.ivr.call;

import org.parley.nlp.ParseResult;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.Situation;
import org.parley.rules.fact.Utterance;

/**
 * One finished turn as the dialog hands it over for recording; {@code understood} is null for keys
 * or silence, {@code recognition} null unless the words came from the speech recogniser; {@code situation} is what the rules were given, kept so the turn can be replayed.
 */
public record TurnData(int number, Utterance heard, ParseResult understood, Situation situation, DecisionResult decision,
                       long turnMicros, org.parley.nlp.speech.Transcript recognition) {

    /** A turn without speech recognition (keys, typed words, silence). */
    public TurnData(int number, Utterance heard, ParseResult understood, Situation situation, DecisionResult decision, long turnMicros) {
        this(number, heard, understood, situation, decision, turnMicros, null);
    }
}
