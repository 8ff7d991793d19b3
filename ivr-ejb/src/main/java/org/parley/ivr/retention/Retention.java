package org.parley.ivr.retention;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes what is older than its retention, every {@code parley.retention.interval-minutes} on an EJB
 * timer (not persistent: each node of a cluster runs its own, and the deletes are idempotent). A
 * retention of 0 days keeps that kind of row for good. Each run deletes in batches of
 * {@code parley.retention.batch} rows, each its own transaction, and at most {@link #MAX_BATCHES} batches
 * per kind, so a first run over a years-old table does not hold the database for long; the next run
 * carries on.
 */
@Singleton
@Startup
public class Retention {

    /** Most batches of one kind in one run. */
    static final int MAX_BATCHES = 100;

    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    @Inject
    RetentionRows rows;

    @Resource
    TimerService timers;

    /** Ended calls, with their turns and decisions (what supervisors and replays read). */
    @Inject
    @ConfigProperty(name = "parley.retention.calls-days", defaultValue = "90")
    int callsDays;

    /** Call events once delivered to every webhook (kept a while for support questions). */
    @Inject
    @ConfigProperty(name = "parley.retention.events-days", defaultValue = "7")
    int eventsDays;

    /** Dead call events an operator did not replay. */
    @Inject
    @ConfigProperty(name = "parley.retention.dead-events-days", defaultValue = "30")
    int deadEventsDays;

    /** Callbacks placed or given up on. */
    @Inject
    @ConfigProperty(name = "parley.retention.callbacks-days", defaultValue = "30")
    int callbacksDays;

    @Inject
    @ConfigProperty(name = "parley.retention.interval-minutes", defaultValue = "60")
    int intervalMinutes;

    @Inject
    @ConfigProperty(name = "parley.retention.batch", defaultValue = "1000")
    int batch;

    /** What one run deleted. */
    public record Purged(int calls, int deliveredEvents, int deadEvents, int callbacks) {
        public int total() {
            return calls + deliveredEvents + deadEvents + callbacks;
        }
    }

    @PostConstruct
    void schedule() {
        check("parley.retention.calls-days", callsDays);
        check("parley.retention.events-days", eventsDays);
        check("parley.retention.dead-events-days", deadEventsDays);
        check("parley.retention.callbacks-days", callbacksDays);
        if (intervalMinutes < 1 || batch < 1) {
            throw new IllegalStateException("parley.retention.interval-minutes (" + intervalMinutes + ") and parley.retention.batch ("
                    + batch + ") must be at least 1");
        }
        long every = Duration.ofMinutes(intervalMinutes).toMillis();
        // The first run a minute after start-up, not at once: start-up has enough to do.
        timers.createIntervalTimer(Math.min(every, 60_000), every, new TimerConfig("parley-retention", false));
        LOG.log(Level.INFO, "Retention: ended calls {0}, delivered events {1}, dead events {2}, finished callbacks {3}; checked every {4} min",
                days(callsDays), days(eventsDays), days(deadEventsDays), days(callbacksDays), intervalMinutes);
    }

    private static void check(String key, int days) {
        if (days < 0) {
            throw new IllegalStateException(key + " is " + days + "; give the number of days to keep, or 0 to keep for good");
        }
    }

    private static String days(int days) {
        return days == 0 ? "kept for good" : days + " days";
    }

    /** Batches must commit one by one, so the timer runs outside a transaction. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run failed (the next run tries again): {0}", e.toString());
        }
    }

    /** Deletes what is past its retention at {@code now}; answers what it deleted. */
    public Purged purge(Instant now) {
        Purged purged = new Purged(
                purge(now, callsDays, rows::calls),
                purge(now, eventsDays, rows::deliveredEvents),
                purge(now, deadEventsDays, rows::deadEvents),
                purge(now, callbacksDays, rows::finishedCallbacks));
        if (purged.total() > 0) {
            LOG.log(Level.INFO, "Retention deleted {0} call(s), {1} delivered and {2} dead event(s), {3} callback(s)", purged.calls(),
                    purged.deliveredEvents(), purged.deadEvents(), purged.callbacks());
        }
        return purged;
    }

    private int purge(Instant now, int days, BiFunction<Instant, Integer, Integer> deleteBatch) {
        if (days == 0) {
            return 0;
        }
        Instant before = now.minus(Duration.ofDays(days));
        int deleted = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = deleteBatch.apply(before, batch);
            deleted += n;
            if (n < batch) {
                break;
            }
        }
        return deleted;
    }
}
