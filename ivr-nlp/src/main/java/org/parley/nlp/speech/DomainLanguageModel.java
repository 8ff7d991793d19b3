package org.parley.nlp.speech;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A trigram language model of what this deployment's callers say, built from phrases (the intent
 * training data plus everyday answers: digits, yes and no, numbers, dates) with absolute discounting
 * and Katz back-off, written in the ARPA format Sphinx reads. The recogniser then expects these words
 * in these orders instead of all of English, which is both faster and more accurate on the phone.
 *
 * <p>Words must be pronounceable: a word the dictionary does not know is left out of the model and
 * reported by {@link #missingWords()}, so the operator can add a pronunciation.
 */
public final class DomainLanguageModel {

    public static final String START = "<s>";
    public static final String END = "</s>";

    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private final double discount;
    private final Map<List<String>, Integer>[] counts;
    private final SortedMap<String, Integer> missing = new TreeMap<>();
    private final SortedSet<String> vocabulary = new TreeSet<>();
    private int sentences;

    /**
     * @param phrases  one utterance each
     * @param dictionary what can be pronounced
     * @param discount absolute discount subtracted from every seen n-gram count (0 < d < 1)
     */
    @SuppressWarnings("unchecked")
    public DomainLanguageModel(Collection<String> phrases, PronunciationDictionary dictionary, double discount) {
        if (!(discount > 0 && discount < 1)) {
            throw new IllegalArgumentException("the discount must lie between 0 and 1, not " + discount);
        }
        this.discount = discount;
        this.counts = new Map[] {new HashMap<>(), new HashMap<>(), new HashMap<>()};
        for (String phrase : phrases) {
            List<String> words = words(phrase, dictionary);
            if (words.isEmpty()) {
                continue;
            }
            sentences++;
            List<String> padded = new ArrayList<>(words.size() + 2);
            padded.add(START);
            padded.addAll(words);
            padded.add(END);
            vocabulary.addAll(words);
            for (int i = 0; i < padded.size(); i++) {
                for (int n = 1; n <= 3 && i + n <= padded.size(); n++) {
                    counts[n - 1].merge(List.copyOf(padded.subList(i, i + n)), 1, Integer::sum);
                }
            }
        }
        if (sentences == 0) {
            throw new IllegalArgumentException("no phrase with a pronounceable word to build a language model from");
        }
    }

    /** Lower-case words of a phrase as the dictionary spells them; digits are said one by one. */
    private List<String> words(String phrase, PronunciationDictionary dictionary) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = phrase.toLowerCase(Locale.ROOT) + " ";
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetter(c) || c == '\'' || c == '\u2019') {
                word.append(c == '\u2019' ? '\'' : c);
                continue;
            }
            flush(word, words, dictionary);
            if (Character.isDigit(c)) {
                words.add(DIGITS[c - '0']);
            }
        }
        return words;
    }

    private void flush(StringBuilder word, List<String> words, PronunciationDictionary dictionary) {
        String w = word.toString().replaceAll("^'+|'+$", "");
        word.setLength(0);
        if (w.isEmpty()) {
            return;
        }
        if (dictionary.knows(w)) {
            words.add(w);
        } else if (dictionary.knows(w.replace("'", ""))) {
            words.add(w.replace("'", ""));
        } else {
            missing.merge(w, 1, Integer::sum);
        }
    }

    /** The words the model (and the recogniser) know. */
    public SortedSet<String> vocabulary() {
        return vocabulary;
    }

    /** Words in the phrases without a pronunciation, with how often they occurred; they are not in the model. */
    public SortedMap<String, Integer> missingWords() {
        return missing;
    }

    public int sentences() {
        return sentences;
    }

    /** Writes the model in ARPA format. */
    public void writeArpa(Writer out) throws IOException {
        Map<String, Double> p1 = new TreeMap<>();
        int tokens = 0;
        for (Map.Entry<List<String>, Integer> e : counts[0].entrySet()) {
            if (!e.getKey().get(0).equals(START)) {
                tokens += e.getValue();
            }
        }
        int types = counts[0].size() - 1;
        // a little add-half smoothing keeps every word reachable
        for (Map.Entry<List<String>, Integer> e : counts[0].entrySet()) {
            String w = e.getKey().get(0);
            if (!w.equals(START)) {
                p1.put(w, (e.getValue() + 0.5) / (tokens + 0.5 * types));
            }
        }
        Map<String, Integer> historyCount = new HashMap<>();
        Map<String, List<String>> followers = new HashMap<>();
        for (Map.Entry<List<String>, Integer> e : counts[1].entrySet()) {
            String h = e.getKey().get(0);
            historyCount.merge(h, e.getValue(), Integer::sum);
            followers.computeIfAbsent(h, k -> new ArrayList<>()).add(e.getKey().get(1));
        }
        Map<List<String>, Double> p2 = new HashMap<>();
        for (Map.Entry<List<String>, Integer> e : counts[1].entrySet()) {
            p2.put(e.getKey(), (e.getValue() - discount) / historyCount.get(e.getKey().get(0)));
        }
        Map<String, Double> bo1 = new HashMap<>();
        for (Map.Entry<String, List<String>> e : followers.entrySet()) {
            double seenLower = 0;
            for (String w : e.getValue()) {
                seenLower += p1.get(w);
            }
            double left = discount * e.getValue().size() / historyCount.get(e.getKey());
            bo1.put(e.getKey(), left / Math.max(1e-9, 1 - seenLower));
        }
        Map<List<String>, Integer> history2Count = new HashMap<>();
        Map<List<String>, List<String>> followers2 = new HashMap<>();
        for (Map.Entry<List<String>, Integer> e : counts[2].entrySet()) {
            List<String> h = e.getKey().subList(0, 2);
            history2Count.merge(h, e.getValue(), Integer::sum);
            followers2.computeIfAbsent(h, k -> new ArrayList<>()).add(e.getKey().get(2));
        }
        Map<List<String>, Double> bo2 = new HashMap<>();
        for (Map.Entry<List<String>, List<String>> e : followers2.entrySet()) {
            String v = e.getKey().get(1);
            double seenLower = 0;
            for (String w : e.getValue()) {
                Double seen = p2.get(List.of(v, w));
                seenLower += seen != null ? seen : bo1.getOrDefault(v, 0.0) * p1.get(w);
            }
            double left = discount * e.getValue().size() / history2Count.get(e.getKey());
            bo2.put(e.getKey(), left / Math.max(1e-9, 1 - seenLower));
        }

        out.write("\\data\\\n");
        out.write("ngram 1=" + (p1.size() + 1) + "\n");
        out.write("ngram 2=" + counts[1].size() + "\n");
        out.write("ngram 3=" + counts[2].size() + "\n\n");
        out.write("\\1-grams:\n");
        out.write(line(-99, START, bo1.get(START)));
        for (Map.Entry<String, Double> e : p1.entrySet()) {
            out.write(line(Math.log10(e.getValue()), e.getKey(), bo1.get(e.getKey())));
        }
        out.write("\n\\2-grams:\n");
        for (List<String> bigram : sorted(counts[1].keySet())) {
            out.write(line(Math.log10(p2.get(bigram)), bigram.get(0) + " " + bigram.get(1), bo2.get(bigram)));
        }
        out.write("\n\\3-grams:\n");
        for (List<String> trigram : sorted(counts[2].keySet())) {
            double p = (counts[2].get(trigram) - discount) / history2Count.get(trigram.subList(0, 2));
            out.write(line(Math.log10(p), String.join(" ", trigram), null));
        }
        out.write("\n\\end\\\n");
    }

    private static List<List<String>> sorted(Collection<List<String>> grams) {
        List<List<String>> list = new ArrayList<>(grams);
        list.sort((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
        return list;
    }

    private static String line(double logProb, String gram, Double backoff) {
        String p = String.format(Locale.ROOT, "%.4f", logProb);
        if (backoff == null || backoff <= 0) {
            return p + "\t" + gram + "\n";
        }
        return p + "\t" + gram + "\t" + String.format(Locale.ROOT, "%.4f", Math.log10(backoff)) + "\n";
    }
}
