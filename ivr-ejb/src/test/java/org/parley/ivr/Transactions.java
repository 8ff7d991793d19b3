package org.parley.ivr;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;

/** What {@code @Transactional} does in WildFly, for tests on a resource-local entity manager: commit, or roll back on a runtime exception. */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T in(EntityManager em, Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            em.getTransaction().rollback();
            throw e;
        }
    }
}
