package org.parley.nlp.entity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Names that no pattern can pin down: the merchant on a disputed charge ("a charge from aldi i
 * don't recognise") and people ("my name is oliver novak"), found by an OpenNLP name finder
 * trained on call-centre utterances (names-train.txt) at build time. Input is read as a recogniser
 * writes it: lower case, punctuation dropped.
 *
 * <p>A name is rarely an ordinary word of the deployment's language, and a model trained on a few
 * hundred names would otherwise learn those names rather than where names occur. So every word
 * outside the vocabulary (the words of the deployment's intent and sentiment training text) reaches
 * the model as {@value #UNKNOWN}: it learns "an unknown word after 'a charge from'" and finds
 * merchants and people it never saw. Thread-safe: the model is shared, each thread has its own
 * finder (NameFinderME is not thread-safe).
 */
public final class NameFinder {

    /** The shipped model on the class path. */
    public static final String DEFAULT_MODEL = "org/parley/nlp/entity/names.bin";

    /** The shipped vocabulary, one word per line, written next to the model when it is trained. */
    public static final String DEFAULT_VOCABULARY = "org/parley/nlp/entity/names-vocabulary.txt";

    /** What a word outside the vocabulary looks like to the model. */
    public static final String UNKNOWN = "_unknown_";

    private static final Pattern WORD = Pattern.compile("[a-z0-9\\p{L}]+(?:['\\-][a-z\\p{L}]+)*");

    private final TokenNameFinderModel model;
    private final java.util.Set<String> vocabulary;
    private final ThreadLocal<NameFinderME> finders;

    public NameFinder(TokenNameFinderModel model, java.util.Set<String> vocabulary) {
        this.model = model;
        this.vocabulary = java.util.Set.copyOf(vocabulary);
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    /** The model shipped in ivr-nlp. */
    public static NameFinder defaultFinder() throws IOException {
        ClassLoader cl = NameFinder.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(DEFAULT_MODEL); InputStream words = cl.getResourceAsStream(DEFAULT_VOCABULARY)) {
            if (in == null || words == null) {
                throw new IOException(DEFAULT_MODEL + " or its vocabulary is not on the class path; build ivr-nlp (it trains the model)");
            }
            java.util.Set<String> vocabulary = new java.util.HashSet<>(
                    java.util.Arrays.asList(new String(words.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")));
            vocabulary.remove("");
            return new NameFinder(new TokenNameFinderModel(in), vocabulary);
        }
    }

    /** The tokens as the model sees them: words outside {@code vocabulary} become {@link #UNKNOWN}. */
    public static String[] forModel(String[] tokens, java.util.Set<String> vocabulary) {
        String[] seen = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            seen[i] = vocabulary.contains(tokens[i]) ? tokens[i] : UNKNOWN;
        }
        return seen;
    }

    public java.util.Set<String> vocabulary() {
        return vocabulary;
    }

    public TokenNameFinderModel model() {
        return model;
    }

    /** Tokens as the model was trained on them: lower-case words, apostrophes kept inside words. */
    public static String[] tokens(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens.toArray(String[]::new);
    }

    /** Merchants and people named in {@code text}; each utterance stands alone. */
    public List<Entity> find(String text) {
        String[] tokens = tokens(text == null ? "" : text);
        if (tokens.length == 0) {
            return List.of();
        }
        NameFinderME finder = finders.get();
        Span[] spans = finder.find(forModel(tokens, vocabulary));
        finder.clearAdaptiveData();
        List<Entity> found = new ArrayList<>(spans.length);
        for (Span span : spans) {
            String words = String.join(" ", java.util.Arrays.copyOfRange(tokens, span.getStart(), span.getEnd()));
            Entity.Type type = switch (span.getType()) {
                case "merchant" -> Entity.Type.MERCHANT;
                case "person" -> Entity.Type.PERSON_NAME;
                default -> null;
            };
            if (type != null) {
                found.add(new Entity(type, words, words));
            }
        }
        return found;
    }
}
