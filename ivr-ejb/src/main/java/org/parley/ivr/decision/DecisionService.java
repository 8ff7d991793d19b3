package org.parley.ivr.decision;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.rules.RuleFile;
import org.parley.ivr.rules.RuleSetRepository;
import org.parley.ivr.rules.RuleSetVersion;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleModule;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.engine.Vocabulary;

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

    /** Who "publishes" the rules shipped with Parley. */
    public static final String SHIPPED_AUTHOR = "parley";

    private static final String SHIPPED_COMMENT = "the rule set shipped with Parley";

    private volatile RuleSet current;

    /** A serving version this node could not compile; {@link #follow} does not try it again. */
    private Integer refused;

    /** Most rule firings in one decision; beyond it the turn is ended undecided (a rule re-activating itself). */
    @Inject
    @ConfigProperty(name = "parley.rules.max-firings", defaultValue = "1000")
    int maxFirings;

    /** Most CPU one decision may use, in milliseconds; beyond it the turn is ended undecided. */
    @Inject
    @ConfigProperty(name = "parley.rules.deadline-ms", defaultValue = "100")
    long deadlineMillis;

    private RuleSet limited(RuleSet rules) {
        return rules.maxFirings() == maxFirings && rules.deadlineMillis() == deadlineMillis ? rules
                : rules.withLimits(maxFirings, deadlineMillis);
    }

    /** Compiled versions by number, for replays; a handful at most. */
    private final java.util.Map<Integer, RuleSet> byNumber = new java.util.concurrent.ConcurrentHashMap<>();

    void onStartup(@Observes Startup startup) {
        // Observing Startup is what matters: CDI creates the bean now, and @PostConstruct loads the serving version.
    }

    @PostConstruct
    void loadServingVersion() {
        long start = System.nanoTime();
        List<RuleFile> shipped = shippedFiles();
        RuleSetVersion serving = versions.serving().orElseGet(() -> firstVersion(shipped));
        if (SHIPPED_AUTHOR.equals(serving.getAuthor()) && !sameFiles(serving.getFiles(), shipped)) {
            // Nobody has published their own rules yet and this release ships new ones: serve those (once, when
            // several upgraded nodes start together).
            LOG.log(Level.INFO, "The shipped rule set changed since {0}; publishing it as a new version", serving.getLabel());
            serving = versions.publishUnlessChanged(serving.getNumber(), SHIPPED_AUTHOR, SHIPPED_COMMENT, shipped);
        } else if (!SHIPPED_AUTHOR.equals(serving.getAuthor()) && !sameFiles(serving.getFiles(), shipped)) {
            LOG.log(Level.DEBUG, "Serving {0} published by {1}; the shipped rule set differs and is not applied",
                    serving.getLabel(), serving.getAuthor());
        }
        try {
            current = limited(compiled(serving));
        } catch (RuleCompilationException e) {
            // An upgrade may change the fact model under stored rules: serve the shipped rules, loudly.
            LOG.log(Level.ERROR, "Serving rule-set " + serving.getLabel() + " no longer compiles; serving the shipped rules"
                    + " instead until a fixed version is published:\n" + e.getMessage());
            try {
                current = limited(RuleSet.defaults(RuleSet.class.getClassLoader()));
            } catch (RuleCompilationException broken) {
                throw new IllegalStateException("the shipped rule set does not compile; fix ivr-rules and rebuild", broken);
            }
        }
        LOG.log(Level.INFO, "Rule set {0} ready in {1} ms: {2} rules", current.version(),
                (System.nanoTime() - start) / 1_000_000, current.ruleNames().size());
    }

    /**
     * A stored version as a rule set: its stored compiled form when a node made one with this release's compiler
     * (loading takes a fraction of a second), else compiled from its files (seconds), and that compiled form stored
     * for the next node or restart. A stored form the sandbox refuses is reported and compiled again from the files.
     */
    public RuleSet compiled(RuleSetVersion version) throws RuleCompilationException {
        long start = System.nanoTime();
        String compiler = RuleModule.compiler();
        Optional<byte[]> stored = versions.compiledForm(version.getNumber(), compiler);
        if (stored.isPresent()) {
            try {
                RuleSet loaded = RuleSet.load(version.getLabel(), stored.get(), RuleSet.class.getClassLoader());
                LOG.log(Level.INFO, "Rule set {0} loaded from its stored compiled form in {1} ms", version.getLabel(),
                        (System.nanoTime() - start) / 1_000_000);
                return loaded;
            } catch (RuleCompilationException e) {
                LOG.log(Level.WARNING, "The stored compiled form of " + version.getLabel() + " was refused; compiling its files"
                        + " instead:\n" + e.getMessage());
            }
        }
        RuleSet rules = compile(version);
        LOG.log(Level.INFO, "Rule set {0} compiled in {1} ms", version.getLabel(), (System.nanoTime() - start) / 1_000_000);
        remember(version.getNumber(), rules);
        return rules;
    }

    /**
     * Stores the compiled form of a version (just published, approved or compiled here) for the other nodes and
     * restarts. Best effort: without it they compile the files, as before.
     */
    public void remember(int number, RuleSet rules) {
        try {
            versions.storeCompiledForm(number, RuleModule.compiler(), rules.module());
        } catch (RuntimeException e) {
            // Another node stored it at the same moment (the key), or the database is away: the files still compile.
            LOG.log(Level.DEBUG, "Compiled form of " + RuleSetVersion.label(number) + " not stored: " + e);
        }
    }

    /**
     * Stores the shipped rules as the first version. Two nodes starting on an empty database both try: the one that
     * gets the lock second finds the version and serves it; when both found the table empty, the version number is
     * unique, so one commit fails (as JTA's checked {@code RollbackException}, hence the broad catch) and that node
     * serves what the other stored.
     */
    private RuleSetVersion firstVersion(List<RuleFile> shipped) {
        try {
            return versions.publishUnlessChanged(null, SHIPPED_AUTHOR, SHIPPED_COMMENT, shipped);
        } catch (Exception e) {
            return versions.serving().map(v -> {
                LOG.log(Level.INFO, "Another node stored the shipped rule set first; serving its {0}", v.getLabel());
                return v;
            }).orElseThrow(() -> new IllegalStateException("could not store the shipped rule set as the first version: " + e, e));
        }
    }

    private static boolean sameFiles(List<RuleFile> a, List<RuleFile> b) {
        java.util.Map<String, String> left = new java.util.HashMap<>();
        a.forEach(f -> left.put(f.getPath(), f.getContent()));
        java.util.Map<String, String> right = new java.util.HashMap<>();
        b.forEach(f -> right.put(f.getPath(), f.getContent()));
        return left.equals(right);
    }

    /** Compiles a stored version's rule files; the rule set is labelled with the version ("v3"). */
    public static RuleSet compile(RuleSetVersion version) throws RuleCompilationException {
        return compile(version.getLabel(), version.getFiles());
    }

    public static RuleSet compile(String label, List<RuleFile> files) throws RuleCompilationException {
        return compile(label, files, Vocabulary.ANY);
    }

    /** Compiles rule files, refusing prompts and queues that {@code vocabulary} does not have. */
    public static RuleSet compile(String label, List<RuleFile> files, Vocabulary vocabulary) throws RuleCompilationException {
        List<RuleSource> sources = files.stream().filter(RuleFile::isRules).map(f -> new RuleSource(f.getPath(), f.getContent())).toList();
        return RuleSet.compile(label, sources, RuleSet.class.getClassLoader(), vocabulary);
    }

    /** The rule files and scenarios shipped in ivr-rules. */
    public static List<RuleFile> shippedFiles() {
        List<RuleFile> files = new ArrayList<>();
        RuleSet.defaultSources(RuleSet.class.getClassLoader()).forEach(s -> files.add(new RuleFile(s.path(), s.content())));
        RuleSet.defaultScenarioFiles(RuleSet.class.getClassLoader()).forEach((path, text) -> files.add(new RuleFile(path, text)));
        return files;
    }

    /**
     * A stored version, compiled (each version once; versions are immutable). Replays use it to
     * decide a recorded turn again under another version.
     *
     * @throws IllegalArgumentException when there is no such version
     */
    public RuleSet version(int number) throws RuleCompilationException {
        RuleSet cached = byNumber.get(number);
        if (cached != null) {
            return cached;
        }
        RuleSetVersion version = versions.find(number)
                .orElseThrow(() -> new IllegalArgumentException("there is no rule-set version " + number));
        RuleSet compiled = limited(compiled(version));
        if (byNumber.size() >= 8) {
            byNumber.clear();
        }
        byNumber.put(number, compiled);
        return compiled;
    }

    /** The rule set serving new calls now. */
    public RuleSet current() {
        return current;
    }

    /** From now on new calls use {@code rules}; calls in progress finish on the one they hold. */
    public synchronized void swap(RuleSet rules) {
        current = limited(rules);
        LOG.log(Level.INFO, "Now serving rule set {0} ({1} rules)", rules.version(), rules.ruleNames().size());
    }

    /**
     * Serves the version the database says serves, when a publish, approval or rollback on another node changed it:
     * compiles it and swaps. Reading, comparing and swapping hold this service's lock, as {@link #swap} does, so a
     * check that read the database just before this node's own publish committed cannot swap the old version back
     * over the new one. A version that does not compile is reported once and not tried again.
     *
     * @return whether the rule set serving new calls changed
     */
    public synchronized boolean follow() {
        Integer number = versions.servingNumber().orElse(null);
        if (number == null || current == null || current.version().equals(RuleSetVersion.label(number)) || number.equals(refused)) {
            return false;
        }
        try {
            long start = System.nanoTime();
            swap(version(number));
            LOG.log(Level.INFO, "Rule set {0} was made serving on another node; serving here after {1} ms",
                    RuleSetVersion.label(number), (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuleCompilationException | IllegalArgumentException e) {
            refused = number;
            LOG.log(Level.ERROR, "Rule set " + RuleSetVersion.label(number) + " serves on another node but does not compile here; still"
                    + " serving " + current.version() + ":\n" + e.getMessage());
            return false;
        }
    }

    public DecisionResult decide(Collection<?> facts) {
        return current.decide(facts);
    }
}
