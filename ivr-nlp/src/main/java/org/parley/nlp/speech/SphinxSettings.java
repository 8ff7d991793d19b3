package org.parley.nlp.speech;

/**
 * How the Sphinx4 recogniser searches. The defaults were chosen with {@code bin/parley asr bench} on
 * the validation voices of the test corpus (see the README); wider beams are slower and rarely better
 * with a domain language model.
 *
 * @param decoders             loaded decoders shared by all calls (recognition is CPU-bound: about one per core)
 * @param absoluteBeamWidth    most HMM states kept per frame
 * @param relativeBeamWidth    states kept within this factor of the best
 * @param absoluteWordBeamWidth most word ends kept per frame
 * @param relativeWordBeamWidth word ends kept within this factor of the best
 * @param languageWeight       weight of the language model against the acoustics
 * @param wordInsertionProbability penalty for each word hypothesised
 * @param discount             absolute discount of the language model's n-gram counts
 * @param lookahead            phonetic lookahead search (slower, steadier on noisy audio)
 */
public record SphinxSettings(int decoders, int absoluteBeamWidth, double relativeBeamWidth, int absoluteWordBeamWidth,
                             double relativeWordBeamWidth, double languageWeight, double wordInsertionProbability,
                             double discount, boolean lookahead) {

    public SphinxSettings {
        if (decoders < 1 || absoluteBeamWidth < 1 || absoluteWordBeamWidth < 1) {
            throw new IllegalArgumentException("decoders and beam widths must be at least 1: " + this);
        }
    }

    public static SphinxSettings defaults() {
        return new SphinxSettings(Runtime.getRuntime().availableProcessors(), 3000, 1e-60, 100, 1e-30, 10.0, 0.1, 0.6, false);
    }

    public SphinxSettings withDecoders(int n) {
        return new SphinxSettings(n, absoluteBeamWidth, relativeBeamWidth, absoluteWordBeamWidth, relativeWordBeamWidth, languageWeight,
                wordInsertionProbability, discount, lookahead);
    }
}
