package org.parley.ivr.call;

import org.parley.nlp.intent.ParseResult;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.Situation;
import org.parley.rules.fact.Utterance;

/**
 * One finished turn as the dialog hands it over for recording; {@code understood} is null for keys
 * or silence; {@code situation} is what the rules were given, kept so the turn can be replayed.
 */
public record TurnData(int number, Utterance heard, ParseResult understood, Situation situation, DecisionResult decision,
                       long turnMicros) {
}
