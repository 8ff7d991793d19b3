package org.parley.nlp.speech;

import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The language model and dictionary an engine reads, generated from the phrases and written to a
 * directory ({@code domain.lm}, {@code domain.dict}); words without a pronunciation are logged with the
 * fix. Closing deletes a temporary directory.
 */
public final class DomainFiles implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DomainFiles.class.getName());

    private final DomainLanguageModel model;
    private final Path directory;
    private final boolean temporary;

    private DomainFiles(DomainLanguageModel model, Path directory, boolean temporary) {
        this.model = model;
        this.directory = directory;
        this.temporary = temporary;
    }

    /** Writes them into a new temporary directory, removed by {@link #close}. */
    static DomainFiles temporary(Collection<String> phrases, PronunciationDictionary dictionary, double discount) throws IOException {
        return write(phrases, dictionary, discount, Files.createTempDirectory("parley-asr"), true);
    }

    /** Writes them into {@code directory}, which stays. */
    public static DomainFiles writeTo(Collection<String> phrases, PronunciationDictionary dictionary, double discount, Path directory)
            throws IOException {
        return write(phrases, dictionary, discount, Files.createDirectories(directory), false);
    }

    private static DomainFiles write(Collection<String> phrases, PronunciationDictionary dictionary, double discount, Path directory,
                                     boolean temporary) throws IOException {
        DomainLanguageModel model = new DomainLanguageModel(phrases, dictionary, discount);
        if (!model.missingWords().isEmpty()) {
            LOG.log(Level.WARNING, "speech: {0} word(s) of the phrases have no pronunciation and cannot be recognised: {1}."
                    + " Add them to the speech dictionary (parley.speech.dictionary, CMUdict format \"word PH ON ES\").",
                    model.missingWords().size(), model.missingWords().keySet());
        }
        DomainFiles files = new DomainFiles(model, directory, temporary);
        try (Writer out = Files.newBufferedWriter(files.languageModelFile(), StandardCharsets.UTF_8)) {
            model.writeArpa(out);
        }
        try (Writer out = Files.newBufferedWriter(files.dictionaryFile(), StandardCharsets.UTF_8)) {
            dictionary.write(model.vocabulary(), out);
        }
        return files;
    }

    public DomainLanguageModel model() {
        return model;
    }

    public Path directory() {
        return directory;
    }

    public Path languageModelFile() {
        return directory.resolve("domain.lm");
    }

    public Path dictionaryFile() {
        return directory.resolve("domain.dict");
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not remove {0}: {1}", directory, e);
        }
    }
}
