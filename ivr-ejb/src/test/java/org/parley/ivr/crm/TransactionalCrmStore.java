package org.parley.ivr.crm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.Validation;
import java.util.function.Supplier;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.infinispan.Cache;
import org.parley.ivr.Transactions;

/**
 * The customer store as the server runs it, without the server: real Hibernate on the test database,
 * real Hibernate Validator, a real Infinispan cache for the caller contexts it invalidates, and each
 * public write in its own transaction that rolls back on a runtime exception — what
 * {@code @Transactional} does in WildFly.
 */
final class TransactionalCrmStore extends CrmStore {

    TransactionalCrmStore(EntityManagerFactory emf, Cache<String, CallerContext> cache) {
        em = emf.createEntityManager();
        validator = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        contexts = new CallerContextCache();
        contexts.metrics = new SimpleMeterRegistry();
        contexts.cache = cache;
        contexts.crm = this;
        countryCode = "1";
    }

    @Override
    public boolean upsertCustomer(CustomerInput input) {
        return inTransaction(() -> super.upsertCustomer(input));
    }

    @Override
    public boolean deleteCustomer(String customerId) {
        return inTransaction(() -> super.deleteCustomer(customerId));
    }

    @Override
    public boolean upsertCase(CaseInput input) {
        return inTransaction(() -> super.upsertCase(input));
    }

    @Override
    public boolean deleteCase(String caseId) {
        return inTransaction(() -> super.deleteCase(caseId));
    }

    EntityManager entityManager() {
        return em;
    }

    void close() {
        em.close();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return Transactions.in(em, work);
    }
}
