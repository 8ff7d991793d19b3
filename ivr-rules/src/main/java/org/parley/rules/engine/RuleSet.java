package org.parley.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.parley.rules.fact.Decision;

/**
 * A compiled, immutable set of routing rules. Build it once (it costs a DRL compile); it is then
 * safe to share: every {@link #decide} runs in its own stateless session.
 */
public final class RuleSet {

    /** Where the default rule set lives on the class path, and the index that lists its files. */
    public static final String DEFAULT_PACKAGE_PATH = "org/parley/rules/routing/";

    private final String version;
    private final KieBase kieBase;
    private final List<String> ruleNames;
    /** Sessions are reset and reused rather than built per decision: with large rule sets building one dominates. */
    private final KieSessionsPool sessions;

    /** Default limits per decision: generous for a turn's few dozen facts, small enough to stop a loop at once. */
    public static final int DEFAULT_MAX_FIRINGS = 1_000;
    public static final long DEFAULT_DEADLINE_MILLIS = 100;

    private final int maxFirings;
    private final long deadlineNanos;
    /**
     * The compiled form as bytes ({@link RuleModule}), to store and load elsewhere instead of compiling again; packed
     * on first use (a published version's), never for drafts that are only validated or tested.
     */
    private final Supplier<byte[]> module;

    private RuleSet(String version, KieBase kieBase, Supplier<byte[]> module) {
        this(version, kieBase, DEFAULT_MAX_FIRINGS, DEFAULT_DEADLINE_MILLIS * 1_000_000, module);
    }

    private RuleSet(String version, KieBase kieBase, int maxFirings, long deadlineNanos, Supplier<byte[]> module) {
        if (maxFirings < 1 || deadlineNanos < 1) {
            throw new IllegalArgumentException("a decision needs at least one firing and a positive deadline");
        }
        this.maxFirings = maxFirings;
        this.deadlineNanos = deadlineNanos;
        this.version = version;
        this.kieBase = kieBase;
        this.module = module;
        this.sessions = kieBase.newKieSessionsPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        this.ruleNames = kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(r -> r.getName())
                .sorted()
                .toList();
    }

    /**
     * Compiles rule files. {@code classLoader} must see the fact model (in WildFly: the deployment's).
     *
     * @throws RuleCompilationException with every error's file, line and column
     */
    public static RuleSet compile(String version, Collection<RuleSource> sources, ClassLoader classLoader)
            throws RuleCompilationException {
        return compile(version, sources, classLoader, Vocabulary.ANY);
    }

    /**
     * Compiles rule files and checks that every prompt and queue they name exists in {@code vocabulary}
     * (see {@link NameCheck}).
     *
     * @throws RuleCompilationException with every error's file, line and column
     */
    public static RuleSet compile(String version, Collection<RuleSource> sources, ClassLoader classLoader, Vocabulary vocabulary)
            throws RuleCompilationException {
        if (sources.isEmpty()) {
            throw new RuleCompilationException(version, List.of(new RuleProblem("(none)", 0, 0, "no rule files given")));
        }
        Map<String, RuleSandbox.Place> places = new HashMap<>();
        List<RuleProblem> refused = RuleSandbox.checkParsed(List.copyOf(sources), places);
        if (!refused.isEmpty()) {
            throw new RuleCompilationException(version, refused);
        }
        // The compiler and the generated classes see only what rules may use (the sandbox's second wall).
        ClassLoader sandbox = new RuleClassLoader(classLoader);
        KieServices ks = KieServices.Factory.get();
        // Unique per compile: Drools' repository is process-wide, and drafts are all called "draft".
        ReleaseId releaseId = ks.newReleaseId("org.parley.rules", "routing", version + "-" + UUID.randomUUID());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleSource source : sources) {
            kfs.write("src/main/resources/" + DEFAULT_PACKAGE_PATH + source.path(), source.bytes());
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, sandbox).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Decision tables that cannot be read at all fail the build with an exception, not a message.
            throw new RuleCompilationException(version, List.of(unreadable(e, sources)));
        }
        List<RuleProblem> errors = new CompileErrors(List.copyOf(sources), classLoader)
                .explain(builder.getResults().getMessages(Message.Level.ERROR), m -> problem(m, classLoader, sources));
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(version, errors);
        }
        InternalKieModule built = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = classFiles(built);
        List<RuleProblem> breaches = RuleSandbox.checkCompiled(classes, places);
        if (!breaches.isEmpty()) {
            throw new RuleCompilationException(version, breaches);
        }
        List<RuleProblem> unknownNames = NameCheck.check(List.copyOf(sources), vocabulary);
        if (!unknownNames.isEmpty()) {
            throw new RuleCompilationException(version, unknownNames);
        }
        KieContainer container = ks.newKieContainer(releaseId, sandbox);
        // The container has what it needs; keep the global KieRepository from collecting every version.
        ks.getRepository().removeKieModule(releaseId);
        KieBase kieBase = container.getKieBase();
        preload(container.getClassLoader(), classes.keySet());
        RuleSet rules = new RuleSet(version, kieBase, packedOnce(built));
        rules.warmUp();
        return rules;
    }

    /**
     * A rule set from its stored compiled form ({@link #module()} of an earlier compile, on any node), checked by
     * the sandbox as a compile is; {@code module} must have been made under this node's {@link RuleModule#compiler()}.
     *
     * @throws RuleCompilationException when the bytes are refused or do not load: compile the sources instead
     */
    public static RuleSet load(String version, byte[] module, ClassLoader classLoader) throws RuleCompilationException {
        RuleSet rules = new RuleSet(version, RuleModule.load(version, module, classLoader), () -> module);
        rules.warmUp();
        return rules;
    }

    /** The compiled form, to store with the version it was compiled for (see {@link RuleModule}); not to be changed. */
    public byte[] module() {
        return module.get();
    }

    private static Supplier<byte[]> packedOnce(InternalKieModule built) {
        return new Supplier<>() {
            private byte[] bytes;

            @Override
            public synchronized byte[] get() {
                if (bytes == null) {
                    bytes = built.getBytes();
                }
                return bytes;
            }
        };
    }

    /**
     * Loads every generated class now, so that the first calls a new version decides do not pay for class
     * loading (and do not run into the decision deadline for it). The classes passed the sandbox's check.
     */
    static void preload(ClassLoader loader, java.util.Set<String> classFiles) {
        for (String file : classFiles) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Not every generated class is defined in this container (the project model is read at build); nothing to warm.
            }
        }
    }

    /** Every class file the executable model generated for the rule set, by path. */
    private static Map<String, byte[]> classFiles(InternalKieModule module) {
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            }
        }
        return classes;
    }

    /** Compiles the default rule set shipped in this module. */
    public static RuleSet defaults(ClassLoader classLoader) throws RuleCompilationException {
        return compile("default", defaultSources(classLoader), classLoader, Vocabulary.shipped(classLoader));
    }

    /** The rule files of the default rule set, in the order its index lists them. */
    public static List<RuleSource> defaultSources(ClassLoader classLoader) {
        List<RuleSource> sources = new ArrayList<>();
        for (String name : new String(read(classLoader, DEFAULT_PACKAGE_PATH + "ruleset.index"), StandardCharsets.UTF_8).split("\\R")) {
            if (!name.isBlank()) {
                sources.add(RuleSource.of(name.strip(), read(classLoader, DEFAULT_PACKAGE_PATH + name.strip())));
            }
        }
        return sources;
    }

    /** The scenario files shipped with the default rule set (name to text), in the order their index lists them. */
    public static java.util.Map<String, String> defaultScenarioFiles(ClassLoader classLoader) {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String name : new String(read(classLoader, DEFAULT_PACKAGE_PATH + "scenarios.index"), StandardCharsets.UTF_8).split("\\R")) {
            if (!name.isBlank()) {
                files.put(name.strip(), new String(read(classLoader, DEFAULT_PACKAGE_PATH + name.strip()), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Decides one turn of {@code situation}. */
    public DecisionResult decide(Situation situation) {
        return decide(situation.facts());
    }

    /**
     * Decides one turn. Inserts the facts and an empty {@link Decision} into a session from the pool and
     * fires the rules, at most {@link #maxFirings} times and for at most {@link #deadlineNanos} of the deciding
     * thread's CPU (checked between firings once that much time has passed on the clock): a rule set
     * that loops (a rule re-activating itself) is stopped there, and so is one that throws. Either way
     * the result names what happened ({@link DecisionResult#failure}) and carries an undecided
     * decision. Each firing is bounded because {@link RuleSandbox} refuses rule code that loops.
     */
    public DecisionResult decide(Collection<?> facts) {
        long start = System.nanoTime();
        long deadline = start + deadlineNanos;
        long cpuStart = cpuNanos();
        Decision decision = new Decision();
        List<String> fired = new ArrayList<>();
        boolean[] late = {false};
        AgendaEventListener watch = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                // The clock first (cheap); past it, what counts is the CPU this thread spent: a busy machine (speech
                // decoders, GC, other calls) delays a decision without it being the rules' fault.
                if (System.nanoTime() > deadline && cpuNanos() - cpuStart > deadlineNanos) {
                    late[0] = true;
                    event.getKieRuntime().halt();
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        String failure = null;
        KieSession session = sessions.newKieSession();
        try {
            session.addEventListener(watch);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.insert(decision);
            int count = session.fireAllRules(maxFirings);
            if (late[0]) {
                failure = "rule set " + version + " used more than its " + deadlineNanos / 1_000_000 + " ms of CPU after " + count
                        + " firings (last: " + last(fired) + ")";
            } else if (count >= maxFirings) {
                failure = "rule set " + version + " fired " + count + " times without finishing; a rule keeps re-activating itself"
                        + " (last: " + last(fired) + ")";
            }
        } catch (RuntimeException e) {
            failure = "rule set " + version + ": a rule failed: " + rootMessage(e) + " (last fired: " + last(fired) + ")";
        } finally {
            session.removeEventListener(watch);
            session.dispose();
        }
        List<String> seen = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            seen.add(String.valueOf(fact));
        }
        return new DecisionResult(failure == null ? decision : new Decision(), fired, seen, version, System.nanoTime() - start,
                failure);
    }

    /** Typical turns decided once without a deadline, so that the first real call does not pay for the engine's warm-up. */
    private static final List<String> WARM_UP = List.of("{caller: '5551234', text: 'I lost my card', intent: lost_stolen_card, confidence: 0.9}",
            "{caller: '', text: 'the thing', intent: out_of_scope, confidence: 0.8, sentiment: -0.9, turn: 2, clarifications: 1}",
            "{caller: '5551234', digits: '2', language: es, customer: {id: C-1, tier: VIP, language: fr}}");

    private void warmUp() {
        RuleSet unhurried = withLimits(maxFirings, 60_000);
        for (String turn : WARM_UP) {
            try {
                unhurried.decide(Situation.fromYaml(turn, Situation.SCENARIO_TIME));
            } catch (RuntimeException e) {
                return; // a rule set whose facts differ from the shipped model: nothing to warm this way
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /** CPU time of the deciding thread, or the clock where the JVM cannot tell. */
    private static long cpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A copy with other limits per decision (fire count and deadline); the compiled rules are shared. */
    public RuleSet withLimits(int maxFirings, long deadlineMillis) {
        return new RuleSet(version, kieBase, maxFirings, deadlineMillis * 1_000_000, module);
    }

    /** The same compiled rules under another version label (a draft once it is stored). */
    public RuleSet as(String versionLabel) {
        return new RuleSet(versionLabel, kieBase, maxFirings, deadlineNanos, module);
    }

    public int maxFirings() {
        return maxFirings;
    }

    public long deadlineMillis() {
        return deadlineNanos / 1_000_000;
    }

    private static String last(List<String> fired) {
        if (fired.isEmpty()) {
            return "none";
        }
        return String.join(", ", new java.util.LinkedHashSet<>(fired.subList(Math.max(0, fired.size() - 3), fired.size())));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    public String version() {
        return version;
    }

    /** Names of all rules in this set, sorted. */
    public List<String> ruleNames() {
        return ruleNames;
    }

    private static RuleProblem problem(Message m, ClassLoader classLoader, Collection<RuleSource> sources) {
        String path = shortPath(m.getPath());
        String text = m.getText().strip();
        int line = m.getLine();
        int column = FieldHints.column(text, m.getColumn());
        String message = FieldHints.explain(text, classLoader);
        if (message.contains("Unable to expand:")) {
            message += " (no sentence of the routing language in the .dsl file matches this line)";
        }
        RuleSource table = sources.stream().filter(s -> s.path().equals(path) && (s.kind().equals("csv") || s.kind().equals("xlsx")))
                .findFirst().orElse(null);
        if (table != null) {
            // Errors in a decision table point into the DRL generated from it; name the table's row instead.
            String where = DecisionTables.rowOf(table, line);
            if (where != null) {
                message = where + ": " + message;
                line = DecisionTables.rowNumber(where);
                column = 0;
            }
        }
        return new RuleProblem(path, Math.max(line, 0), Math.max(column, 0), message);
    }

    private static final java.util.regex.Pattern TABLE_ERROR =
            java.util.regex.Pattern.compile("^\\[([^\\]]+)\\]\\s*(.*?)(?:,? in cell [A-Z]+(\\d+))?$", java.util.regex.Pattern.DOTALL);

    private static RuleProblem unreadable(RuntimeException e, Collection<RuleSource> sources) {
        String text = String.valueOf(e.getMessage()).strip();
        java.util.regex.Matcher m = TABLE_ERROR.matcher(text);
        if (m.matches()) {
            int row = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return new RuleProblem(shortPath(m.group(1)), row, 0, (row > 0 ? "row " + row + ": " : "") + text.substring(m.start(2)));
        }
        String path = sources.stream().filter(s -> s.kind().equals("csv") || s.kind().equals("xlsx")).map(RuleSource::path)
                .filter(text::contains).findFirst().orElse("(rule set)");
        return new RuleProblem(path, 0, 0, e.getClass().getSimpleName() + ": " + text);
    }

    private static String shortPath(String path) {
        if (path == null) {
            return "(unknown file)";
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    private static byte[] read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule resource " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + resource, e);
        }
    }
}
