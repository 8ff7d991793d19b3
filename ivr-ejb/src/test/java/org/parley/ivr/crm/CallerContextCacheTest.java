package org.parley.ivr.crm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;

/** The caller-context cache on a real Infinispan cache whose entries expire, as the server declares it (shorter here). */
class CallerContextCacheTest {

    private static final long TTL_MS = 300;
    private static EntityManagerFactory emf;
    private static DefaultCacheManager caches;
    private static Cache<String, CallerContext> cache;
    private static TransactionalCrmStore store;

    @BeforeAll
    static void start() {
        emf = TestDatabase.open();
        caches = new DefaultCacheManager();
        caches.defineConfiguration("caller-context", new ConfigurationBuilder().expiration().lifespan(TTL_MS, TimeUnit.MILLISECONDS)
                .wakeUpInterval(50, TimeUnit.MILLISECONDS).build());
        cache = caches.getCache("caller-context");
        store = new TransactionalCrmStore(emf, cache);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        emf.close();
        caches.close();
    }

    /** The bug: a routed call rewrote the entry with lifespan -1, which in Infinispan is "never expires". */
    @Test
    void aRoutedCallerStillExpires() {
        CallerContext ada = new CallerContext("+15550100001", "C-1", "Ada", "VIP", "en", 0, null, null, Instant.now(), false);
        cache.put(ada.number(), ada);
        CallerContextCache contexts = contexts();
        contexts.recordRoutedCall("5550100001", "cards", Instant.now());
        assertThat(cache.get(ada.number()).lastQueue()).isEqualTo("cards");

        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.containsKey(ada.number()));
    }

    @Test
    void aStaleContextKeepsItsShortLifeAfterARoutedCall() {
        CallerContext stale = new CallerContext("+15550100002", "C-2", "Bo", "standard", "en", 0, null, null, Instant.now(), true);
        cache.put(stale.number(), stale, 30, TimeUnit.SECONDS);
        contexts().recordRoutedCall("5550100002", "general-help", Instant.now());
        assertThat(cache.getAdvancedCache().getCacheEntry(stale.number()).getLifespan()).isEqualTo(TimeUnit.SECONDS.toMillis(30));
    }

    private static CallerContextCache contexts() {
        CallerContextCache contexts = new CallerContextCache();
        contexts.metrics = new SimpleMeterRegistry();
        contexts.cache = cache;
        contexts.crm = store;
        return contexts;
    }
}
