package org.parley.ivr.decision;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.parley.ivr.rules.RuleFile;
import org.parley.ivr.rules.RuleSetRepository;
import org.parley.ivr.rules.RuleSetVersion;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.RuleSource;

/**
 * Owns the serving {@link RuleSet}: at start-up compiles the version the database says is serving
 * (storing the shipped rules as version 1 on first start), so no caller waits for a compile. The
 * rule set is immutable and replaced as a whole by {@link #swap}; a call keeps the one it started with.
 */
@ApplicationScoped
public class DecisionService {

    private static final System.Logger LOG = System.getLogger(DecisionService.class.getName());

    @Inject
    RuleSetRepository versions;

    private volatile RuleSet current;

    void onStartup(@Observes Startup startup) {
        current();
    }

    @PostConstruct
    void loadServingVersion() {
        long start = System.nanoTime();
        RuleSetVersion serving = versions.serving()
                .orElseGet(() -> versions.publish("parley", "the rule set shipped with Parley", shippedFiles()));
        try {
            current = compile(serving);
        } catch (RuleCompilationException e) {
            // An upgrade may change the fact model under stored rules: serve the shipped rules, loudly.
            LOG.log(Level.ERROR, "Serving rule-set " + serving.getLabel() + " no longer compiles; serving the shipped rules"
                    + " instead until a fixed version is published:\n" + e.getMessage());
            try {
                current = RuleSet.defaults(RuleSet.class.getClassLoader());
            } catch (RuleCompilationException shipped) {
                throw new IllegalStateException("the shipped rule set does not compile; fix ivr-rules and rebuild", shipped);
            }
        }
        LOG.log(Level.INFO, "Rule set {0} compiled in {1} ms: {2} rules", current.version(),
                (System.nanoTime() - start) / 1_000_000, current.ruleNames().size());
    }

    /** Compiles a stored version's rule files; the rule set is labelled with the version ("v3"). */
    public static RuleSet compile(RuleSetVersion version) throws RuleCompilationException {
        return compile(version.getLabel(), version.getFiles());
    }

    public static RuleSet compile(String label, List<RuleFile> files) throws RuleCompilationException {
        List<RuleSource> sources = files.stream().filter(RuleFile::isRules).map(f -> new RuleSource(f.getPath(), f.getContent())).toList();
        return RuleSet.compile(label, sources, RuleSet.class.getClassLoader());
    }

    /** The rule files and scenarios shipped in ivr-rules. */
    public static List<RuleFile> shippedFiles() {
        List<RuleFile> files = new ArrayList<>();
        RuleSet.defaultSources(RuleSet.class.getClassLoader()).forEach(s -> files.add(new RuleFile(s.path(), s.content())));
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(RuleSet.DEFAULT_PACKAGE_PATH + "scenarios.yaml")) {
            if (in != null) {
                files.add(new RuleFile("scenarios.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped scenarios", e);
        }
        return files;
    }

    /** The rule set serving new calls now. */
    public RuleSet current() {
        return current;
    }

    /** From now on new calls use {@code rules}; calls in progress finish on the one they hold. */
    public void swap(RuleSet rules) {
        current = rules;
        LOG.log(Level.INFO, "Now serving rule set {0} ({1} rules)", rules.version(), rules.ruleNames().size());
    }

    public DecisionResult decide(Collection<?> facts) {
        return current.decide(facts);
    }
}
