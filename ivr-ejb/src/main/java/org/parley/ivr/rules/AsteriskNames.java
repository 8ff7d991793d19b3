package org.parley.ivr.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.live.QueueBoard;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.Vocabulary;

/**
 * The prompts and queues that exist on the Asterisk side, which rules may name: the prompt
 * catalogue and queues.conf that ship with Parley, or the deployment's own
 * ({@code parley.prompts.catalogue}, {@code parley.asterisk.queues-conf}), plus the queues the
 * manager interface reports live.
 */
@ApplicationScoped
public class AsteriskNames {

    @Inject
    @ConfigProperty(name = "parley.prompts.catalogue")
    Optional<String> catalogue;

    @Inject
    @ConfigProperty(name = "parley.asterisk.queues-conf")
    Optional<String> queuesConf;

    @Inject
    QueueBoard queues;

    private volatile Vocabulary configured;

    /** What exists now (for validating a whole rule set). */
    public Vocabulary vocabulary() {
        return configured().withQueues(queues.snapshot().keySet());
    }

    /** Whether the catalogue has this prompt (and its name is safe in the dialplan, {@link Vocabulary#SAFE_NAME}); cheap enough for every turn of a call. */
    public boolean knowsPrompt(String id) {
        return Vocabulary.isSafeName(id) && configured().knowsPrompt(id);
    }

    /** Whether queues.conf defines this queue or Asterisk reported it, under a name safe in the dialplan; cheap enough for every turn of a call. */
    public boolean knowsQueue(String name) {
        return Vocabulary.isSafeName(name) && (configured().knowsQueue(name) || queues.knows(name));
    }

    private Vocabulary configured() {
        Vocabulary v = configured;
        if (v == null) {
            Vocabulary shipped = Vocabulary.shipped(RuleSet.class.getClassLoader());
            v = new Vocabulary(catalogue.map(f -> Vocabulary.promptIds(read(f), f)).orElse(shipped.prompts()),
                    queuesConf.map(f -> Vocabulary.queueNames(read(f))).orElse(shipped.queues()));
            configured = v;
        }
        return v;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (parley.prompts.catalogue / parley.asterisk.queues-conf)", e);
        }
    }
}
