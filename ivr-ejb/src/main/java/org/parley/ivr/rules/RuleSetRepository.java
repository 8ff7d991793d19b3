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
        List<RuleSetVersion> versions = em.createQuery("select v from RuleSetVersion v", RuleSetVersion.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        int next = versions.stream().mapToInt(RuleSetVersion::getNumber).max().orElse(0) + 1;
        versions.forEach(v -> v.setServing(false));
        RuleSetVersion version = new RuleSetVersion(next, author, comment, Instant.now(), files);
        version.setServing(true);
        em.persist(version);
        return version;
    }

    /** Makes an existing version the serving one. */
    @Transactional
    public RuleSetVersion serve(int number) {
        RuleSetVersion target = find(number).orElseThrow(() -> new IllegalArgumentException("there is no rule-set version " + number));
        em.createQuery("select v from RuleSetVersion v", RuleSetVersion.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(v -> v.setServing(v.getNumber() == number));
        return em.merge(target);
    }
}
