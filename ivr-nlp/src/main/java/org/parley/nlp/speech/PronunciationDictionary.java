package org.parley.nlp.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pronunciations in CMUdict format ({@code word PH ON EM ES}, alternatives as {@code word(2) ...}).
 * The recogniser is given only the words its language model uses, so it loads a few hundred entries,
 * not 130,000.
 */
public final class PronunciationDictionary {

    /** The en-us dictionary inside sphinx4-data. */
    public static final String EN_US = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

    private final Map<String, List<String>> entries;

    private PronunciationDictionary(Map<String, List<String>> entries) {
        this.entries = entries;
    }

    /** The en-us dictionary shipped with the acoustic model, plus Parley's words it lacks. */
    public static PronunciationDictionary englishUs() throws IOException {
        PronunciationDictionary base;
        try (InputStream in = PronunciationDictionary.class.getResourceAsStream(EN_US)) {
            if (in == null) {
                throw new IOException("the en-us pronunciation dictionary " + EN_US + " is not on the class path (sphinx4-data missing)");
            }
            base = read(in, "sphinx4-data " + EN_US);
        }
        try (InputStream in = PronunciationDictionary.class.getResourceAsStream("parley-words.dict")) {
            return base.with(read(in, "parley-words.dict"));
        }
    }

    /**
     * Reads a dictionary; a line that is not "word phone…" is an error naming the source and line.
     */
    public static PronunciationDictionary read(InputStream in, String source) throws IOException {
        Map<String, List<String>> entries = new HashMap<>(200_000);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith(";;;") || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            int tab = line.indexOf('\t');
            int cut = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
            if (cut <= 0 || line.substring(cut).isBlank()) {
                throw new IOException(source + " line " + number + ": expected \"word PH ON ES\", got \"" + line + "\"");
            }
            String word = line.substring(0, cut).toLowerCase(Locale.ROOT);
            int paren = word.indexOf('(');
            if (paren > 0 && word.endsWith(")")) {
                word = word.substring(0, paren);
            }
            String phones = line.substring(cut).strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            entries.computeIfAbsent(word, w -> new ArrayList<>(1)).add(phones);
        }
        return new PronunciationDictionary(entries);
    }

    /** This dictionary with the other's entries added (the other's pronunciations win for words in both). */
    public PronunciationDictionary with(PronunciationDictionary other) {
        Map<String, List<String>> merged = new HashMap<>(entries);
        merged.putAll(other.entries);
        return new PronunciationDictionary(merged);
    }

    public boolean knows(String word) {
        return entries.containsKey(word);
    }

    public List<String> pronunciations(String word) {
        return entries.getOrDefault(word, List.of());
    }

    public int size() {
        return entries.size();
    }

    /** Writes the entries of these words (in Sphinx's format) for the recogniser to load. */
    public void write(Collection<String> words, Writer out) throws IOException {
        for (String word : words) {
            List<String> prons = pronunciations(word);
            for (int i = 0; i < prons.size(); i++) {
                out.write(i == 0 ? word : word + "(" + (i + 1) + ")");
                out.write(' ');
                out.write(prons.get(i));
                out.write('\n');
            }
        }
    }
}
