package org.parley.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.nlp.intent.TextNormalizer;

/**
 * Features for sentiment: words and word pairs, with marks the model cannot learn from a few
 * hundred examples alone — words in the scope of a negation ("not happy" → {@code NOT_happy}, up to
 * the next three words), words after an intensifier ("absolutely furious" → {@code INT_furious}),
 * and the polarity of words from a small lexicon, flipped inside a negation ({@code POL_NOT_pos}
 * for "not happy", {@code POL_NOT_neg} for "not angry"), so unseen words of known polarity count.
 */
public final class SentimentFeatures {

    /** Negators after apostrophes are dropped by {@link TextNormalizer} ("can't" → "cant"). */
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "none", "neither", "nor",
            "without", "cant", "cannot", "dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "wont", "wouldnt", "havent",
            "hasnt", "hadnt", "arent", "couldnt", "shouldnt", "aint");
    private static final Set<String> INTENSIFIERS = Set.of("absolutely", "very", "so", "really", "extremely", "totally",
            "completely", "utterly", "seriously", "incredibly", "truly", "most", "too");
    private static final int NEGATION_SCOPE = 3;
    private static final Set<String> POSITIVE = Set.of("happy", "glad", "pleased", "delighted", "thrilled", "satisfied",
            "great", "good", "excellent", "brilliant", "fantastic", "wonderful", "amazing", "awesome", "superb", "perfect",
            "lovely", "nice", "helpful", "kind", "quick", "easy", "thanks", "thank", "appreciate", "appreciated", "grateful",
            "love", "like", "impressed", "relief", "relieved", "sorted", "fixed", "working", "star", "best", "better",
            "fine", "fair", "polite", "patient", "friendly", "resolved", "cheers", "pleasure", "recommend");
    private static final Set<String> NEGATIVE = Set.of("angry", "furious", "livid", "fuming", "mad", "annoyed", "upset",
            "unhappy", "disappointed", "frustrated", "frustrating", "fed", "sick", "tired", "bad", "terrible", "awful",
            "horrible", "worst", "useless", "ridiculous", "unacceptable", "disgrace", "disgusted", "disgusting", "outrageous",
            "scandal", "nightmare", "joke", "rude", "wrong", "broken", "problem", "complaint", "complain", "waiting", "hate",
            "worried", "stressed", "desperate", "cheated", "ruined", "mess", "rip", "shocked", "waste", "again", "still",
            "never", "poor", "slow", "incompetent", "pathetic", "appalling", "hopeless", "failed", "fault", "lost");

    private SentimentFeatures() {
    }

    public static String[] of(String text) {
        String[] tokens = TextNormalizer.tokens(text);
        List<String> marked = new ArrayList<>(tokens.length);
        int negated = 0;
        boolean intensified = false;
        for (String token : tokens) {
            if (NEGATORS.contains(token)) {
                marked.add(token);
                negated = NEGATION_SCOPE;
                continue;
            }
            String word = negated > 0 ? "NOT_" + token : token;
            marked.add(word);
            if (intensified) {
                marked.add("INT_" + word);
            }
            String polarity = POSITIVE.contains(token) ? "pos" : NEGATIVE.contains(token) ? "neg" : null;
            if (polarity != null) {
                marked.add((negated > 0 ? "POL_NOT_" : "POL_") + polarity);
                if (intensified) {
                    marked.add("POL_INT_" + polarity);
                }
            }
            intensified = INTENSIFIERS.contains(token);
            negated = Math.max(0, negated - 1);
        }
        List<String> features = new ArrayList<>(marked.size() * 2);
        features.addAll(marked);
        for (int i = 0; i + 1 < tokens.length; i++) {
            features.add(tokens[i] + "_" + tokens[i + 1]);
        }
        return features.toArray(String[]::new);
    }
}
