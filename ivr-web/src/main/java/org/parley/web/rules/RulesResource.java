package org.parley.web.rules;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.annotation.security.RolesAllowed;
import org.parley.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.decision.DecisionService;
import org.parley.ivr.rules.LineDiff;
import org.parley.ivr.rules.RuleChange;
import org.parley.ivr.rules.RuleFile;
import org.parley.ivr.rules.RulePublisher;
import org.parley.ivr.rules.RuleSetRepository;
import org.parley.ivr.rules.RuleSetVersion;
import org.parley.rules.engine.DecisionTables;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.engine.RuleProblem;
import org.parley.rules.scenario.ScenarioResult;

/** The rules lifecycle for analysts and their tools. */
@RolesAllowed({Roles.ANALYST, Roles.PUBLISHER})
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "rules")
public class RulesResource {

    /** One file of a draft or a version. */
    public record FileView(String path, String content) {
    }

    /** A draft: its files and, to publish, why (who publishes is the logged-in user; a body cannot say otherwise). */
    public record Draft(List<FileView> files, String comment) {
    }

    /** A version without its files: who handed it in, and with four-eyes publishing who reviewed it. */
    public record VersionView(int number, String label, String author, String comment, Instant publishedAt, boolean serving,
                              RuleSetVersion.State state, String reviewedBy, Instant reviewedAt, String reviewComment) {
        static VersionView of(RuleSetVersion v) {
            return new VersionView(v.getNumber(), v.getLabel(), v.getAuthor(), v.getComment(), v.getPublishedAt(), v.isServing(),
                    v.getState(), v.getReviewedBy(), v.getReviewedAt(), v.getReviewComment());
        }
    }

    /** A second publisher's review of a proposed version: why (who is the logged-in user). */
    public record Review(String comment) {
    }

    /** One entry of the rules' audit trail. */
    public record ChangeView(Instant at, String who, RuleChange.Action action, int version, String comment) {
        static ChangeView of(RuleChange c) {
            return new ChangeView(c.getAt(), c.getWho(), c.getAction(), c.getVersion(), c.getComment());
        }
    }

    /** A version with its files. */
    public record VersionDetail(VersionView version, List<FileView> files) {
    }

    /** One scenario's outcome. */
    public record ScenarioView(String name, String source, int line, boolean passed, List<String> failures,
                               List<String> firedRules, String decision) {
        static ScenarioView of(ScenarioResult r) {
            return new ScenarioView(r.scenario().name(), r.scenario().source(), r.scenario().line(), r.passed(), r.failures(),
                    r.firedRules(), r.decision());
        }
    }

    /** What validate, test or a refused publish found. */
    public record CheckView(boolean passed, int rules, List<RuleProblem> problems, int scenariosPassed, int scenariosFailed,
                            List<ScenarioView> scenarios) {
        static CheckView of(RulePublisher.Check c) {
            int failed = (int) c.results().stream().filter(r -> !r.passed()).count();
            return new CheckView(c.passed(), c.ruleCount(), c.problems(), c.results().size() - failed, failed,
                    c.results().stream().map(ScenarioView::of).toList());
        }
    }

    /** A version to roll back to. */
    public record Rollback(Integer version) {
    }

    @Inject
    RulePublisher publisher;

    @Inject
    RuleSetRepository versions;

    @Inject
    DecisionService decisions;

    @GET
    @Path("/versions")
    @Operation(summary = "Every version (published, proposed, rejected), newest first; one is serving")
    public List<VersionView> list() {
        return versions.all().stream().map(VersionView::of).toList();
    }

    @GET
    @Path("/versions/{number}")
    @Operation(summary = "One version with its rule and scenario files")
    public VersionDetail get(@PathParam("number") int number) {
        RuleSetVersion v = versions.find(number).orElseThrow(() -> new NotFoundException("there is no rule-set version " + number));
        return new VersionDetail(VersionView.of(v), v.getFiles().stream().map(f -> new FileView(f.getPath(), f.getContent())).toList());
    }

    @POST
    @Path("/validate")
    @Operation(summary = "Compile a draft: every error with file, line, column and message")
    public CheckView validate(Draft draft) {
        return CheckView.of(publisher.validate(files(draft)));
    }

    @POST
    @Path("/test")
    @Operation(summary = "Compile a draft and run its scenarios (or the serving version's when it has none)")
    public CheckView test(Draft draft) {
        return CheckView.of(publisher.test(files(draft)));
    }

    @POST
    @Path("/publish")
    @Operation(summary = "Publish a draft as a new version that serves at once (201), or with four-eyes publishing propose it"
            + " for a second publisher (202); refused (422) unless it compiles and passes every scenario")
    @RolesAllowed(Roles.PUBLISHER)
    public Response publish(Draft draft, @Context SecurityContext security) {
        if (draft == null) {
            throw new BadRequestException("send the draft: {\"files\": [...], \"comment\": \"what changed and why\"}");
        }
        RulePublisher.PublishOutcome outcome = publisher.publish(files(draft), security.getUserPrincipal().getName(), draft.comment());
        if (outcome.version() == null) {
            return Response.status(422).entity(CheckView.of(outcome.check())).build();
        }
        boolean proposed = outcome.version().getState() == RuleSetVersion.State.PROPOSED;
        return Response.status(proposed ? Response.Status.ACCEPTED : Response.Status.CREATED).entity(VersionView.of(outcome.version())).build();
    }

    @POST
    @Path("/versions/{number}/approve")
    @Operation(summary = "Four-eyes publishing: a second publisher approves a proposed version, which is tested again and serves at once;"
            + " 422 when it no longer passes, 403 for its own author, 409 when it is not waiting for review")
    @RolesAllowed(Roles.PUBLISHER)
    public Response approve(@PathParam("number") int number, Review review, @Context SecurityContext security) {
        RulePublisher.PublishOutcome outcome = publisher.approve(number, security.getUserPrincipal().getName(),
                review == null ? null : review.comment());
        if (outcome.version() == null) {
            return Response.status(422).entity(CheckView.of(outcome.check())).build();
        }
        return Response.ok(VersionView.of(outcome.version())).build();
    }

    @POST
    @Path("/versions/{number}/reject")
    @Operation(summary = "Four-eyes publishing: a second publisher turns a proposed version down; it never serves")
    @RolesAllowed(Roles.PUBLISHER)
    public VersionView reject(@PathParam("number") int number, Review review, @Context SecurityContext security) {
        return VersionView.of(publisher.reject(number, security.getUserPrincipal().getName(), review == null ? null : review.comment()));
    }

    @GET
    @Path("/changes")
    @Operation(summary = "The audit trail: every publish, proposal, approval, rejection and rollback with who did it, newest first")
    public List<ChangeView> changes(@QueryParam("limit") @DefaultValue("100") int limit) {
        return versions.changes(Math.max(1, Math.min(limit, 1000))).stream().map(ChangeView::of).toList();
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "Serve an earlier version again")
    @RolesAllowed(Roles.PUBLISHER)
    public VersionView rollback(Rollback request, @Context SecurityContext security) throws RuleCompilationException {
        if (request == null || request.version() == null) {
            throw new BadRequestException("send {\"version\": N} with the version to serve");
        }
        return VersionView.of(publisher.rollback(request.version(), security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/diff")
    @Operation(summary = "Line diff of every file between two versions")
    public Map<String, List<String>> diff(@QueryParam("from") int from, @QueryParam("to") int to) {
        RuleSetVersion a = versions.find(from).orElseThrow(() -> new NotFoundException("there is no rule-set version " + from));
        RuleSetVersion b = versions.find(to).orElseThrow(() -> new NotFoundException("there is no rule-set version " + to));
        Map<String, String> old = new LinkedHashMap<>();
        a.getFiles().forEach(f -> old.put(f.getPath(), readable(f)));
        Map<String, List<String>> diff = new LinkedHashMap<>();
        for (RuleFile f : b.getFiles()) {
            diff.put(f.getPath(), LineDiff.of(old.getOrDefault(f.getPath(), ""), readable(f)));
            old.remove(f.getPath());
        }
        old.forEach((path, content) -> diff.put(path, LineDiff.of(content, "")));
        return diff;
    }

    @GET
    @Path("/serving")
    @Operation(summary = "The rule set serving new calls, and whether publishing needs a second publisher (fourEyes)")
    public Map<String, Object> serving() {
        return Map.of("version", decisions.current().version(), "rules", decisions.current().ruleNames(), "fourEyes", publisher.fourEyes());
    }

    /** A file as people read it: a spreadsheet as the rules Drools generates from it, everything else as is. */
    private static String readable(RuleFile f) {
        if (!f.isBinary()) {
            return f.getContent();
        }
        String drl = DecisionTables.drl(new RuleSource(f.getPath(), f.getContent()));
        return drl == null ? "(a spreadsheet that cannot be read)" : drl;
    }

    private static List<RuleFile> files(Draft draft) {
        if (draft == null || draft.files() == null || draft.files().isEmpty()) {
            throw new BadRequestException("send {\"files\": [{\"path\": \"routing.drl\", \"content\": \"...\"}]}; no files were given");
        }
        List<RuleFile> files = new ArrayList<>();
        for (FileView f : draft.files()) {
            if (f.path() == null || f.content() == null) {
                throw new BadRequestException("file '" + f.path() + "': each file needs a path and a content");
            }
            RuleFile file = new RuleFile(f.path(), f.content());
            if (!file.isRules() && !file.isScenarios()) {
                throw new BadRequestException("file '" + f.path() + "': not a rule file (.drl, .dsl, .dslr, .drl.csv, .drl.xlsx as Base64)"
                        + " or a scenario file (.yaml, .yml, .csv)");
            }
            if (file.isRules()) {
                try {
                    new RuleSource(f.path(), f.content()); // checks the name and, for spreadsheets, the Base64
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(e.getMessage());
                }
            }
            files.add(file);
        }
        return files;
    }
}
