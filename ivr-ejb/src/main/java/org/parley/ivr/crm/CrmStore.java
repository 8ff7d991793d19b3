package org.parley.ivr.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local customer store the CRM writes to (REST and bulk CSV). Each write validates first and is
 * one transaction: a payload with any error stores nothing. Writes invalidate the caller-context
 * cache for the numbers they touch.
 */
@ApplicationScoped
public class CrmStore {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    CallerContextCache contexts;

    @Inject
    @ConfigProperty(name = "parley.crm.country-code", defaultValue = "1")
    String countryCode;

    /** Creates or replaces a customer; returns true when it was new. */
    @Transactional
    public boolean upsertCustomer(CustomerInput input) {
        check("customer", input);
        String phone = PhoneNumbers.normalise(input.phone(), countryCode);
        if (phone.isEmpty()) {
            throw new CrmValidationException("customer", List.of(new FieldError("phone", "must be a phone number such as +15551234567")));
        }
        Optional<CustomerRecord> existing = customer(input.customerId());
        CustomerRecord record = existing.orElseGet(() -> new CustomerRecord(input.customerId()));
        String oldPhone = record.getPhone();
        record.update(phone, input.name(), input.tier() == null || input.tier().isBlank() ? "standard" : input.tier(),
                input.language() == null ? null : input.language().toLowerCase(Locale.ROOT), Instant.now());
        if (existing.isEmpty()) {
            em.persist(record);
        }
        contexts.invalidate(phone);
        if (oldPhone != null && !oldPhone.equals(phone)) {
            contexts.invalidate(oldPhone);
        }
        return existing.isEmpty();
    }

    /** Deletes a customer and their cases; false when there was none. */
    @Transactional
    public boolean deleteCustomer(String customerId) {
        Optional<CustomerRecord> record = customer(customerId);
        record.ifPresent(r -> {
            em.createQuery("delete from CaseRecord c where c.customerId = :id").setParameter("id", customerId).executeUpdate();
            em.remove(r);
            contexts.invalidate(r.getPhone());
        });
        return record.isPresent();
    }

    /** Creates or replaces a case of a known customer; returns true when it was new. */
    @Transactional
    public boolean upsertCase(CaseInput input) {
        check("case", input);
        CustomerRecord customer = customer(input.customerId()).orElseThrow(() -> new CrmValidationException("case",
                List.of(new FieldError("customerId", "names no customer; create the customer first"))));
        Optional<CaseRecord> existing = em.createQuery("select c from CaseRecord c where c.caseId = :id", CaseRecord.class)
                .setParameter("id", input.caseId()).getResultStream().findFirst();
        CaseRecord record = existing.orElseGet(() -> new CaseRecord(input.caseId()));
        record.update(input.customerId(), input.subject(), "open".equals(input.status()), Instant.now());
        if (existing.isEmpty()) {
            em.persist(record);
        }
        contexts.invalidate(customer.getPhone());
        return existing.isEmpty();
    }

    /** Deletes a case; false when there was none. */
    @Transactional
    public boolean deleteCase(String caseId) {
        Optional<CaseRecord> record = em.createQuery("select c from CaseRecord c where c.caseId = :id", CaseRecord.class)
                .setParameter("id", caseId).getResultStream().findFirst();
        record.ifPresent(c -> {
            em.remove(c);
            customer(c.getCustomerId()).ifPresent(customer -> contexts.invalidate(customer.getPhone()));
        });
        return record.isPresent();
    }

    @Transactional
    public Optional<CustomerRecord> customer(String customerId) {
        return em.createQuery("select c from CustomerRecord c where c.customerId = :id", CustomerRecord.class)
                .setParameter("id", customerId).getResultStream().findFirst();
    }

    /** The customer with this E.164 number (the most recently updated if the CRM has several), with open cases. */
    @Transactional
    public Optional<CallerContext> lookup(String e164) {
        List<CustomerRecord> found = em.createQuery("select c from CustomerRecord c where c.phone = :phone", CustomerRecord.class)
                .setParameter("phone", e164).getResultList();
        return found.stream().max(Comparator.comparing(CustomerRecord::getUpdatedAt)).map(c -> {
            long open = em.createQuery("select count(k) from CaseRecord k where k.customerId = :id and k.open = true", Long.class)
                    .setParameter("id", c.getCustomerId()).getSingleResult();
            return new CallerContext(e164, c.getCustomerId(), c.getName(), c.getTier(), c.getLanguage(), (int) open, null, null,
                    Instant.now(), false);
        });
    }

    @Transactional
    public long customerCount() {
        return em.createQuery("select count(c) from CustomerRecord c", Long.class).getSingleResult();
    }

    public String countryCode() {
        return countryCode;
    }

    private <T> void check(String what, T input) {
        if (input == null) {
            throw new CrmValidationException(what, List.of(new FieldError("(body)", "is missing")));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new CrmValidationException(what, violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList());
        }
    }
}
