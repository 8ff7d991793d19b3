package org.parley.ivr.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.PostgresServer;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.call.CallJournal;
import org.parley.ivr.call.CallJournals;
import org.parley.ivr.call.CallRepositories;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.nlu.LanguageServices;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL goes down in the middle of the day and comes back: calls keep being answered and routed, what they
 * did is written once the database answers, nothing twice, and no callback is promised that could not be kept.
 * Real PostgreSQL (bin/parley-postgres), stopped with a fast shutdown that cuts every open connection, and started
 * again; the dialog, the shipped rules and models, and the journal's own retries are the server's.
 */
class DatabaseRestartTest {

    private static final int CALLS_BEFORE = 4;
    private static final int CALLS_DURING = 6;
    private static final int CALLS_AFTER = 4;

    private PostgresServer postgres;
    private EntityManagerFactory emf;
    private EntityManager em;
    private DefaultCacheManager caches;
    private ScheduledExecutorService retries;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private CallJournal journal;
    private DialogService dialog;

    @BeforeEach
    void start() {
        postgres = PostgresServer.get();
        // Connections straight from the driver, as the server's pool hands out only connections it has checked.
        Map<String, Object> settings = new HashMap<>(TestDatabase.settings());
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL((String) settings.remove("jakarta.persistence.jdbc.url"));
        source.setUser((String) settings.remove("jakarta.persistence.jdbc.user"));
        source.setPassword((String) settings.remove("jakarta.persistence.jdbc.password"));
        source.setConnectTimeout(2);
        settings.put("jakarta.persistence.nonJtaDataSource", source);
        emf = Persistence.createEntityManagerFactory("parley-test", settings);
        em = emf.createEntityManager();
        caches = new DefaultCacheManager();
        caches.defineConfiguration("caller-context", new ConfigurationBuilder().build());
        retries = Executors.newSingleThreadScheduledExecutor();
        CallRepository calls = CallRepositories.transactional(emf);
        journal = CallJournals.writingTo(calls, metrics, retries, 200);
        dialog = Dialogs.wired(em, calls, journal, LanguageServices.loaded(), caches.getCache("caller-context"), metrics);
        dialog.prepare();
    }

    @AfterEach
    void stop() throws Exception {
        if (postgres != null) {
            postgres.resume();
        }
        if (retries != null) {
            retries.shutdownNow();
        }
        if (caches != null) {
            caches.close();
        }
        TestDatabase.close(em, emf);
    }

    private List<ScriptedChannel> calls(String prefix, int count) {
        List<ScriptedChannel> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ScriptedChannel channel = new ScriptedChannel("1900000000." + prefix + i, "555020" + i);
            // alternately a card reported lost and a caller who wants to hear about their balance
            channel.say(i % 2 == 0 ? "I lost my card" : "what is my balance");
            dialog.converse(channel);
            placed.add(channel);
        }
        return placed;
    }

    @Test
    void callsAreRoutedWhileTheDatabaseIsDownAndTheirRecordsAreWrittenOnceWhenItIsBack() throws Exception {
        List<ScriptedChannel> all = new ArrayList<>(calls("1", CALLS_BEFORE));

        postgres.halt();
        all.addAll(calls("2", CALLS_DURING));
        assertThat(journal.pending()).as("records of the calls taken while the database was down wait in memory").isPositive();
        postgres.resume();
        all.addAll(calls("3", CALLS_AFTER));

        assertThat(all).allSatisfy(channel -> assertThat(channel.variableSet("PARLEY_QUEUE")).as(channel.info().uniqueId()).isNotEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> journal.pending() == 0);
        em.clear();
        List<Object[]> recorded = em.createQuery("select c.uniqueId, c.status, size(c.turns) from CallRecord c", Object[].class)
                .getResultList();
        assertThat(recorded).as("every call recorded once, routed, with its turn").hasSize(all.size())
                .allSatisfy(row -> {
                    assertThat(row[1]).hasToString("ROUTED");
                    assertThat(row[2]).isEqualTo(1);
                });
        assertThat(em.createQuery("select count(distinct c.uniqueId) from CallRecord c", Long.class).getSingleResult())
                .isEqualTo(all.size());
        List<Object[]> events = em.createQuery("select e.callUniqueId, e.type, count(e) from OutboxEvent e group by e.callUniqueId, e.type",
                Object[].class).getResultList();
        assertThat(events).as("started, routed and ended once per call").hasSize(all.size() * 3)
                .allSatisfy(row -> assertThat(row[2]).isEqualTo(1L));
        assertThat(metrics.counter("parley.records.late").count()).as("records written after the database came back")
                .isGreaterThanOrEqualTo(CALLS_DURING * 3);
        assertThat(metrics.counter("parley.records.lost").count()).isZero();
    }
}
