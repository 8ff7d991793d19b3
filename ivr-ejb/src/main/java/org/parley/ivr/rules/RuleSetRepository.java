package org.parley.ivr.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores rule-set versions and which one serves. */
@ApplicationScoped
public class RuleSetRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Transactional
    public Optional<RuleSetVersion> serving() {
        return em.createQuery("select v from RuleSetVersion v where v.serving = true", RuleSetVersion.class)
                .getResultStream().findFirst();
    }

    /** The number of the version serving now, without loading it: what each node checks to follow a publish made elsewhere. */
    @Transactional
    public Optional<Integer> servingNumber() {
        return em.createQuery("select v.number from RuleSetVersion v where v.serving = true", Integer.class)
                .getResultStream().findFirst();
    }

    @Transactional
    public Optional<RuleSetVersion> find(int number) {
        return em.createQuery("select v from RuleSetVersion v where v.number = :n", RuleSetVersion.class)
                .setParameter("n", number).getResultStream().findFirst();
    }

    /** All versions, newest first. */
    @Transactional
    public List<RuleSetVersion> all() {
        return em.createQuery("select v from RuleSetVersion v order by v.number desc", RuleSetVersion.class).getResultList();
    }

    /** Stores a new version with the next number and makes it the serving one, in one transaction. */
    @Transactional
    public RuleSetVersion publish(String author, String comment, List<RuleFile> files) {
        List<RuleSetVersion> versions = lockAll();
        RuleSetVersion version = new RuleSetVersion(next(versions), author, comment, Instant.now(), files);
        versions.forEach(v -> v.setServing(false));
        version.setServing(true);
        em.persist(version);
        record(author, RuleChange.Action.PUBLISHED, version.getNumber(), comment);
        return version;
    }

    /** Stores a new version that waits for a second publisher; what serves does not change. */
    @Transactional
    public RuleSetVersion propose(String author, String comment, List<RuleFile> files) {
        RuleSetVersion version = new RuleSetVersion(next(lockAll()), author, comment, Instant.now(), files);
        version.propose();
        em.persist(version);
        record(author, RuleChange.Action.PROPOSED, version.getNumber(), comment);
        return version;
    }

    /**
     * The review of a proposed version by a second publisher: approved, it serves; rejected, it never will.
     * Refused when the version is not waiting for review or {@code who} proposed it.
     */
    @Transactional
    public RuleSetVersion review(int number, boolean approve, String who, String comment) {
        List<RuleSetVersion> versions = lockAll();
        RuleSetVersion target = versions.stream().filter(v -> v.getNumber() == number).findFirst()
                .orElseThrow(() -> new RuleLifecycleException(RuleLifecycleException.Reason.NO_SUCH_VERSION, "there is no rule-set version " + number));
        target.checkReviewableBy(who);
        target.review(approve ? RuleSetVersion.State.PUBLISHED : RuleSetVersion.State.REJECTED, who, Instant.now(), comment);
        if (approve) {
            versions.forEach(v -> v.setServing(v == target));
        }
        record(who, approve ? RuleChange.Action.APPROVED : RuleChange.Action.REJECTED, number, comment);
        return target;
    }

    /** Makes an existing published version the serving one again; proposed and rejected versions never serve. */
    @Transactional
    public RuleSetVersion serve(int number, String who) {
        List<RuleSetVersion> versions = lockAll();
        RuleSetVersion target = versions.stream().filter(v -> v.getNumber() == number).findFirst()
                .orElseThrow(() -> new RuleLifecycleException(RuleLifecycleException.Reason.NO_SUCH_VERSION, "there is no rule-set version " + number));
        if (target.getState() != RuleSetVersion.State.PUBLISHED) {
            throw new RuleLifecycleException(RuleLifecycleException.Reason.NOT_PUBLISHED, target.getLabel() + " was never published ("
                    + target.getState().name().toLowerCase(java.util.Locale.ROOT) + "); only a published version can serve again");
        }
        versions.forEach(v -> v.setServing(v == target));
        record(who, RuleChange.Action.ROLLED_BACK, number, null);
        return target;
    }

    /** A version's stored compiled form made by {@code compiler}, if a node stored one. */
    @Transactional
    public Optional<byte[]> compiledForm(int number, String compiler) {
        return Optional.ofNullable(em.find(CompiledRuleSet.class, CompiledRuleSet.key(number, compiler))).map(CompiledRuleSet::getModule);
    }

    /**
     * Stores a version's compiled form, in its own transaction, unless it is there already. Two nodes compiling the
     * same version at once both try; the second commit fails on the key, and the caller may ignore that.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void storeCompiledForm(int number, String compiler, byte[] module) {
        if (em.find(CompiledRuleSet.class, CompiledRuleSet.key(number, compiler)) == null) {
            em.persist(new CompiledRuleSet(number, compiler, module, Instant.now()));
        }
    }

    /** What was done to the rules, newest first. */
    @Transactional
    public List<RuleChange> changes(int limit) {
        return em.createQuery("select c from RuleChange c order by c.at desc, c.id desc", RuleChange.class)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Publishes the shipped rules on behalf of start-up, unless what serves is no longer {@code expected} (null: no
     * version at all) once the lock is held — another node starting at the same time published them first. Then it
     * answers what serves instead of storing the same files twice. Its own transaction, committed on return, even
     * when start-up runs inside another (an EJB's {@code @PostConstruct}): a node that lost the race learns it here.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RuleSetVersion publishUnlessChanged(Integer expected, String author, String comment, List<RuleFile> files) {
        Optional<RuleSetVersion> serving = lockAll().stream().filter(RuleSetVersion::isServing).findFirst();
        if (serving.isPresent() && (expected == null || serving.get().getNumber() != expected)) {
            return serving.get();
        }
        return publish(author, comment, files);
    }

    /**
     * Every version, locked: numbering and the serving flag change under this lock only, on every node. Each writer
     * locks all versions, so holding the lock on those that existed when the query began keeps every other writer
     * out; but a version another node committed while this one waited is not among them, so once the locks are held
     * the versions are read (and locked) again.
     */
    private List<RuleSetVersion> lockAll() {
        List<RuleSetVersion> locked = selectForUpdate();
        return locked.isEmpty() ? locked : selectForUpdate();
    }

    private List<RuleSetVersion> selectForUpdate() {
        // In number order, so two nodes take the locks in the same order and never deadlock.
        return em.createQuery("select v from RuleSetVersion v order by v.number", RuleSetVersion.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private static int next(List<RuleSetVersion> versions) {
        return versions.stream().mapToInt(RuleSetVersion::getNumber).max().orElse(0) + 1;
    }

    private void record(String who, RuleChange.Action action, int version, String comment) {
        em.persist(new RuleChange(Instant.now(), who, action, version, comment));
    }
}
