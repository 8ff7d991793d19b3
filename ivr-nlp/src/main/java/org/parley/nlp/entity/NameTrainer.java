package org.parley.nlp.entity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the merchant/person name finder from annotated utterances in OpenNLP's name-sample format
 * ({@code a charge from <START:merchant> aldi <END>}), one per line; lines starting with # are
 * comments. The vocabulary is every word of the deployment's own language data (intent and sentiment
 * training text); words outside it reach the model as {@link NameFinder#UNKNOWN}. Settings (cutoff
 * 1, 300 iterations) were chosen by 5-fold cross-validation on the training file.
 */
public final class NameTrainer {

    /** Precision, recall and F1 over exact name spans. */
    public record Score(int names, double precision, double recall, double f1) {
    }

    private NameTrainer() {
    }

    public static List<NameSample> read(Path file) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                if (count(line, "<START:") != count(line, "<END>")) {
                    throw new IOException("every <START:type> needs its <END>");
                }
                samples.add(NameSample.parse(line, false));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " line " + lineNumber + ": not a name sample (" + e.getMessage()
                        + "); mark names as <START:merchant> words <END> or <START:person> words <END>", e);
            }
        }
        return samples;
    }

    /** Lower-case words of text files (CSV or plain), the vocabulary of ordinary words. */
    public static Set<String> vocabulary(List<Path> files) throws IOException {
        Set<String> words = new java.util.TreeSet<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("#")) {
                    continue;
                }
                words.addAll(Arrays.asList(NameFinder.tokens(line)));
            }
        }
        return words;
    }

    /** The samples as the model sees them: words outside the vocabulary replaced, names where they were. */
    public static List<NameSample> forModel(List<NameSample> samples, Set<String> vocabulary) {
        List<NameSample> seen = new ArrayList<>(samples.size());
        for (NameSample s : samples) {
            seen.add(new NameSample(NameFinder.forModel(s.getSentence(), vocabulary), s.getNames(), false));
        }
        return seen;
    }

    private static int count(String line, String marker) {
        int n = 0;
        for (int at = line.indexOf(marker); at >= 0; at = line.indexOf(marker, at + 1)) {
            n++;
        }
        return n;
    }

    public static TokenNameFinderModel train(List<NameSample> samples, Set<String> vocabulary) throws IOException {
        samples = forModel(samples, vocabulary);
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, 300);
        return NameFinderME.train("en", null, new CollectionObjectStream<>(samples), params, new TokenNameFinderFactory());
    }

    /** Exact-span precision/recall/F1 of {@code finder} on annotated samples. */
    public static Score evaluate(NameFinder finder, List<NameSample> samples) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int names = 0;
        for (NameSample s : samples) {
            Set<Span> gold = new HashSet<>(Arrays.asList(s.getNames()));
            names += gold.size();
            NameFinderME me = new NameFinderME(finder.model());
            Set<Span> predicted = new HashSet<>(Arrays.asList(me.find(NameFinder.forModel(s.getSentence(), finder.vocabulary()))));
            for (Span p : predicted) {
                if (gold.contains(p)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (Span g : gold) {
                if (!predicted.contains(g)) {
                    fn++;
                }
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(names, precision, recall, f1);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: NameTrainer <names-train.txt> <names.bin> <language data files...>");
        }
        List<NameSample> samples = read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        List<Path> language = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            language.add(Path.of(args[i]));
        }
        Set<String> vocabulary = vocabulary(language);
        TokenNameFinderModel model = train(samples, vocabulary);
        Files.write(out.resolveSibling("names-vocabulary.txt"), vocabulary, StandardCharsets.UTF_8);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            model.serialize(os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long names = samples.stream().mapToLong(s -> s.getNames().length).sum();
        System.out.printf(Locale.ROOT, "Names: trained on %d utterances (%d names), vocabulary %d words -> %s%n", samples.size(), names,
                vocabulary.size(), out);
    }
}
