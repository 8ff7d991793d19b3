package org.parley.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
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

    private RuleSet(String version, KieBase kieBase) {
        this.version = version;
        this.kieBase = kieBase;
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
        List<RuleProblem> breaches = new ArrayList<>();
        for (RuleSource source : sources) {
            breaches.addAll(RuleGuard.check(source));
        }
        if (!breaches.isEmpty()) {
            throw new RuleCompilationException(version, breaches);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.parley.rules", "routing", version);
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleSource source : sources) {
            kfs.write("src/main/resources/" + DEFAULT_PACKAGE_PATH + source.path(), source.bytes());
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, classLoader).buildAll(DrlProject.class);
        } catch (RuntimeException e) {
            // Decision tables that cannot be read at all fail the build with an exception, not a message.
            throw new RuleCompilationException(version, List.of(unreadable(e, sources)));
        }
        List<RuleProblem> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> problem(m, classLoader, sources))
                .toList();
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(version, errors);
        }
        List<RuleProblem> unknownNames = NameCheck.check(List.copyOf(sources), vocabulary);
        if (!unknownNames.isEmpty()) {
            throw new RuleCompilationException(version, unknownNames);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        // The container has what it needs; keep the global KieRepository from collecting every version.
        ks.getRepository().removeKieModule(releaseId);
        return new RuleSet(version, container.getKieBase());
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
     * Decides one turn. Inserts the facts and an empty {@link Decision}, fires the rules in a
     * stateless session and reports what fired.
     */
    public DecisionResult decide(Collection<?> facts) {
        long start = System.nanoTime();
        Decision decision = new Decision();
        List<String> fired = new ArrayList<>();
        StatelessKieSession session = sessions.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        List<Object> all = new ArrayList<>(facts);
        all.add(decision);
        session.execute(all);
        List<String> seen = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            seen.add(String.valueOf(fact));
        }
        return new DecisionResult(decision, fired, seen, version, System.nanoTime() - start);
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
