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

    private RuleSet(String version, KieBase kieBase) {
        this.version = version;
        this.kieBase = kieBase;
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
        if (sources.isEmpty()) {
            throw new RuleCompilationException(version, List.of(new RuleProblem("(none)", 0, 0, "no rule files given")));
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.parley.rules", "routing", version);
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleSource source : sources) {
            kfs.write("src/main/resources/" + DEFAULT_PACKAGE_PATH + source.path(), source.content());
        }
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll(DrlProject.class);
        List<RuleProblem> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> new RuleProblem(shortPath(m.getPath()), m.getLine(), m.getColumn(), m.getText().strip()))
                .toList();
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(version, errors);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        // The container has what it needs; keep the global KieRepository from collecting every version.
        ks.getRepository().removeKieModule(releaseId);
        return new RuleSet(version, container.getKieBase());
    }

    /** Compiles the default rule set shipped in this module. */
    public static RuleSet defaults(ClassLoader classLoader) throws RuleCompilationException {
        return compile("default", defaultSources(classLoader), classLoader);
    }

    /** The rule files of the default rule set, in the order its index lists them. */
    public static List<RuleSource> defaultSources(ClassLoader classLoader) {
        List<RuleSource> sources = new ArrayList<>();
        for (String name : read(classLoader, DEFAULT_PACKAGE_PATH + "ruleset.index").split("\\R")) {
            if (!name.isBlank()) {
                sources.add(new RuleSource(name.strip(), read(classLoader, DEFAULT_PACKAGE_PATH + name.strip())));
            }
        }
        return sources;
    }

    /**
     * Decides one turn. Inserts the facts and an empty {@link Decision}, fires the rules in a
     * stateless session and reports what fired.
     */
    public DecisionResult decide(Collection<?> facts) {
        long start = System.nanoTime();
        Decision decision = new Decision();
        List<String> fired = new ArrayList<>();
        StatelessKieSession session = kieBase.newStatelessKieSession();
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

    private static String shortPath(String path) {
        if (path == null) {
            return "(unknown file)";
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    private static String read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule resource " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + resource, e);
        }
    }
}
