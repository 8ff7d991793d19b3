package org.parley.ivr.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.parley.ivr.decision.DecisionService;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleProblem;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.scenario.Scenario;
import org.parley.rules.scenario.ScenarioException;
import org.parley.rules.scenario.ScenarioFile;
import org.parley.rules.scenario.ScenarioResult;
import org.parley.rules.scenario.ScenarioRunner;

/**
 * The analyst's lifecycle for rules: validate (compile, every error with file/line/column; every prompt
 * and queue named must exist), test
 * (scenarios), publish (only when both pass: a new numbered version serves at once), roll back.
 * With {@code parley.rules.four-eyes} on, publishing proposes instead: the version serves only once a
 * second publisher approves it (tested again then, against the world as it is), and a rejected one never.
 * Every step is recorded with the authenticated user ({@link RuleChange}). Calls never wait on any of this:
 * they read the serving rule set, which is swapped in one step.
 */
@ApplicationScoped
public class RulePublisher {

    private static final System.Logger LOG = System.getLogger(RulePublisher.class.getName());

    @Inject
    DecisionService decisions;

    @Inject
    RuleSetRepository versions;

    @Inject
    AsteriskNames names;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "parley.rules.four-eyes", defaultValue = "false")
    boolean fourEyes;

    /** Whether publishing needs a second publisher's approval. */
    public boolean fourEyes() {
        return fourEyes;
    }

    /** What checking a draft found: compile problems, scenario results, and the compiled set when it compiled. */
    public record Check(List<RuleProblem> problems, List<ScenarioResult> results, int ruleCount, RuleSet compiled) {

        public boolean passed() {
            return problems.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
        }
    }

    /** Compiles a draft. */
    public Check validate(List<RuleFile> files) {
        try {
            RuleSet rules = DecisionService.compile("draft", files, names.vocabulary());
            return new Check(List.of(), List.of(), rules.ruleNames().size(), rules);
        } catch (RuleCompilationException e) {
            return new Check(e.problems(), List.of(), 0, null);
        }
    }

    /**
     * Compiles a draft and runs its scenarios; a draft without scenario files is tested with the
     * serving version's, so leaving them out cannot skip the tests.
     */
    public Check test(List<RuleFile> files) {
        Check compiled = validate(files);
        if (!compiled.problems().isEmpty()) {
            return compiled;
        }
        List<RuleFile> scenarioFiles = files.stream().filter(RuleFile::isScenarios).toList();
        if (scenarioFiles.isEmpty()) {
            scenarioFiles = versions.serving().map(v -> v.getFiles().stream().filter(RuleFile::isScenarios).toList()).orElse(List.of());
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (RuleFile f : scenarioFiles) {
            try {
                scenarios.addAll(ScenarioFile.read(f.getPath(), new StringReader(f.getContent())));
            } catch (ScenarioException e) {
                return new Check(List.of(new RuleProblem(f.getPath(), 0, 0, e.getMessage())), List.of(), compiled.ruleCount(), null);
            }
        }
        if (scenarios.isEmpty()) {
            return new Check(List.of(new RuleProblem("(scenarios)", 0, 0,
                    "no scenarios to test with; add a .yaml scenario file")), List.of(), compiled.ruleCount(), null);
        }
        return new Check(List.of(), ScenarioRunner.run(compiled.compiled(), scenarios), compiled.ruleCount(), compiled.compiled());
    }

    /**
     * Publishes a draft that compiles and passes its scenarios (with four-eyes on: proposes it, and nothing
     * serves until a second publisher approves); refused drafts change nothing.
     */
    public synchronized PublishOutcome publish(List<RuleFile> files, String author, String comment) {
        Check check = test(files);
        if (!check.passed()) {
            return new PublishOutcome(null, check);
        }
        List<RuleFile> stored = new ArrayList<>(files);
        if (files.stream().noneMatch(RuleFile::isScenarios)) {
            versions.serving().ifPresent(v -> v.getFiles().stream().filter(RuleFile::isScenarios).forEach(stored::add));
        }
        if (fourEyes) {
            RuleSetVersion proposed = versions.propose(author, comment, stored);
            decisions.remember(proposed.getNumber(), check.compiled());
            LOG.log(Level.INFO, "{0} proposed {1} ({2}); it serves once another publisher approves it", author, proposed.getLabel(), comment);
            return new PublishOutcome(proposed, check);
        }
        long start = System.nanoTime();
        RuleSetVersion version = versions.publish(author, comment, stored);
        // The stored files are the draft's (plus the serving scenarios): what was compiled and tested is what serves.
        decisions.swap(check.compiled().as(version.getLabel()));
        decisions.remember(version.getNumber(), check.compiled());
        LOG.log(Level.INFO, "{0} published {1} ({2}); serving after {3} ms", author, version.getLabel(), comment,
                (System.nanoTime() - start) / 1_000_000);
        return new PublishOutcome(version, check);
    }

    /** Serves an earlier (or any) version again; {@code who} is the authenticated user, for the audit. */
    public synchronized RuleSetVersion rollback(int number, String who) throws RuleCompilationException {
        RuleSetVersion target = versions.find(number).orElseThrow(() -> new RuleLifecycleException(
                RuleLifecycleException.Reason.NO_SUCH_VERSION, "there is no rule-set version " + number));
        RuleSet rules = decisions.compiled(target);
        RuleSetVersion serving = versions.serve(number, who);
        decisions.swap(rules);
        LOG.log(Level.INFO, "{0} rolled back: {1} serves again", who, serving.getLabel());
        return serving;
    }

    /**
     * A second publisher approves a proposed version: it is tested again (prompts, queues and scenarios as they
     * are now) and, when it passes, serves at once. A failing check leaves it proposed and changes nothing.
     */
    public synchronized PublishOutcome approve(int number, String who, String comment) {
        RuleSetVersion proposed = versions.find(number).orElseThrow(() -> new RuleLifecycleException(
                RuleLifecycleException.Reason.NO_SUCH_VERSION, "there is no rule-set version " + number));
        proposed.checkReviewableBy(who); // before testing; checked again under the lock
        Check check = test(proposed.getFiles());
        if (!check.passed()) {
            return new PublishOutcome(null, check);
        }
        RuleSetVersion approved = versions.review(number, true, who, comment);
        decisions.swap(check.compiled().as(approved.getLabel()));
        decisions.remember(approved.getNumber(), check.compiled());
        LOG.log(Level.INFO, "{0} approved {1} by {2}; it serves now", who, approved.getLabel(), approved.getAuthor());
        return new PublishOutcome(approved, check);
    }

    /** A second publisher turns a proposed version down; it stays on record and never serves. */
    public synchronized RuleSetVersion reject(int number, String who, String comment) {
        RuleSetVersion rejected = versions.review(number, false, who, comment);
        LOG.log(Level.INFO, "{0} rejected {1} by {2} ({3})", who, rejected.getLabel(), rejected.getAuthor(), comment);
        return rejected;
    }

    /** The published version, or null with the check that refused it. */
    public record PublishOutcome(RuleSetVersion version, Check check) {
    }
}
