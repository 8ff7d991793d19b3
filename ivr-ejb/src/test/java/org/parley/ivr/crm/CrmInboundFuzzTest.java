package org.parley.ivr.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.json.JsonPayloads;

/**
 * Whatever a CRM sends — JSON for a customer or a case (parsed by JSON-B as the REST API parses it)
 * or a CSV drop — is stored whole and valid or refused with its field errors, and nothing half-written:
 * no exception other than a validation error, a refused payload changes no row, a stored customer
 * has an E.164 number and fields within their limits. Real Hibernate on H2, real validator, real
 * Infinispan cache. Its first run found JSON-B looping for ever on {@code {"x":[} (see JsonPayloads).
 */
class CrmInboundFuzzTest {

    private static EntityManagerFactory emf;
    private static DefaultCacheManager caches;
    private static TransactionalCrmStore store;
    private static CrmImport importer;
    private static final Jsonb JSON = JsonbBuilder.create();

    @BeforeAll
    static void start() {
        emf = TestDatabase.open();
        caches = new DefaultCacheManager();
        caches.defineConfiguration("caller-context", new ConfigurationBuilder().build());
        Cache<String, CallerContext> cache = caches.getCache("caller-context");
        store = new TransactionalCrmStore(emf, cache);
        importer = new CrmImport();
        importer.crm = store;
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        emf.close();
        caches.close();
    }

    @FuzzTest(maxDuration = "20s")
    void anyPayloadIsStoredWholeAndValidOrRefusedWithItsErrors(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> customer(data.consumeRemainingAsString());
            case 1 -> kase(data.consumeRemainingAsString());
            default -> csv(data.consumeRemainingAsString());
        }
    }

    private static void customer(String json) {
        CustomerInput input = bind(json, CustomerInput.class);
        if (input == null) {
            return;
        }
        long before = store.customerCount();
        try {
            store.upsertCustomer(input);
        } catch (CrmValidationException refused) {
            assertRefused(refused);
            assertThat(store.customerCount()).as("a refused customer stores nothing").isEqualTo(before);
            return;
        }
        Optional<CustomerRecord> stored = store.customer(input.customerId());
        assertThat(stored).as("a customer accepted is stored").isPresent();
        CustomerRecord c = stored.get();
        assertThat(c.getPhone()).matches("\\+[0-9]{4,15}");
        assertThat(c.getName()).isEqualTo(input.name());
        assertThat(c.getTier()).matches("[A-Za-z][A-Za-z0-9_-]{0,31}");
        assertThat(c.getLanguage()).satisfiesAnyOf(l -> assertThat(l).isNull(), l -> assertThat(l).matches("[a-z]{2}"));
    }

    private static void kase(String json) {
        CaseInput input = bind(json, CaseInput.class);
        if (input == null) {
            return;
        }
        long before = caseCount();
        try {
            store.upsertCase(input);
        } catch (CrmValidationException refused) {
            assertRefused(refused);
            assertThat(caseCount()).as("a refused case stores nothing").isEqualTo(before);
            return;
        }
        CaseRecord stored = store.entityManager().createQuery("select c from CaseRecord c where c.caseId = :id", CaseRecord.class)
                .setParameter("id", input.caseId()).getSingleResult();
        assertThat(stored.getSubject()).isEqualTo(input.subject());
        assertThat(stored.isOpen()).isEqualTo("open".equals(input.status()));
    }

    private static void csv(String text) {
        long before = store.customerCount();
        CrmImport.Report report = importer.importCustomers("fuzz.csv", new StringReader(text));
        assertThat(report.rejected()).allSatisfy(line -> assertThat(line).startsWith("line "));
        assertThat(store.customerCount() - before).as("new customers").isBetween(0L, (long) report.imported());
    }

    /** The body as the API binds it, or null where the API answers 400 before the store sees it. */
    private static <T> T bind(String json, Class<T> type) {
        try {
            JsonPayloads.check(json.getBytes(StandardCharsets.UTF_8), 1 << 20); // as the API's JsonBodyCheck does
            return JSON.fromJson(json, type);
        } catch (JsonPayloads.BadJson | JsonbException notJson) {
            return null;
        }
    }

    private static void assertRefused(CrmValidationException refused) {
        assertThat(refused.errors()).as("a refusal names what is wrong").isNotEmpty()
                .allSatisfy(e -> assertThat(e.field()).isNotBlank());
    }

    private static long caseCount() {
        return store.entityManager().createQuery("select count(c) from CaseRecord c", Long.class).getSingleResult();
    }
}
