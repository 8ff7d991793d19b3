package org.parley.ivr.crm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.metrics.Histogram;

/**
 * Caller context by E.164 number, in the server's Infinispan cache {@code caller-context}
 * (container {@code parley}, declared by the provisioning CLI; local in a standalone server,
 * replicated in a cluster; entries expire after {@code PARLEY_CALLER_CONTEXT_TTL_MS}). Filled from
 * the customer store and the call records on first need; CRM writes invalidate it; routed calls
 * update the last queue in place.
 */
@ApplicationScoped
public class CallerContextCache {

    @Resource(lookup = "java:jboss/infinispan/cache/parley/caller-context")
    Cache<String, CallerContext> cache;

    @Inject
    CrmStore crm;

    @Inject
    CallRepository calls;

    @Inject
    CrmGateway remote;

    /** How long a context built while the CRM was unavailable is kept (it is retried after this). */
    private static final long STALE_SECONDS = 30;

    /** Where lookup times go: {@code parley.crm.lookup} by path (a cache hit, the local store, the CRM, the CRM unavailable). */
    @Inject
    MeterRegistry metrics;

    /** The caller's context, loading it on a miss; null for a withheld number. */
    public CallerContext get(String callerNumber) {
        String number = PhoneNumbers.normalise(callerNumber, crm.countryCode());
        if (number.isEmpty()) {
            return null;
        }
        long start = System.nanoTime();
        CallerContext cached = cache.get(number);
        if (cached != null) {
            lookupTime("cache").record((System.nanoTime() - start) / 1e9);
            return cached;
        }
        CallerContext loaded = load(number, callerNumber);
        lookupTime(!remote.configured() ? "local" : loaded.stale() ? "crm-unavailable" : "crm").record((System.nanoTime() - start) / 1e9);
        if (loaded.stale()) {
            cache.putIfAbsent(number, loaded, STALE_SECONDS, TimeUnit.SECONDS);
        } else {
            cache.putIfAbsent(number, loaded);
        }
        return loaded;
    }

    private final Map<String, Histogram> lookupTimes = new ConcurrentHashMap<>();

    /** Lookup times by path: {@code parley_crm_lookup_seconds_*} and {@code parley_crm_lookup_buckets_total}, 1 ms to 2 s. */
    private Histogram lookupTime(String path) {
        return lookupTimes.computeIfAbsent(path, p -> new Histogram(metrics, "parley.crm.lookup", "seconds", Tags.of("path", p),
                0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2));
    }

    /** After a routed call: the next call from this number sees the queue at once. */
    public void recordRoutedCall(String callerNumber, String queue, Instant at) {
        String number = PhoneNumbers.normalise(callerNumber, crm.countryCode());
        if (!number.isEmpty() && queue != null && !queue.isEmpty()) {
            CallerContext current = cache.get(number);
            if (current != null) {
                if (current.stale()) {
                    // Keep a stale context's short life: it must be asked for again soon.
                    cache.computeIfPresent(number, (k, v) -> v.afterCall(queue, at), STALE_SECONDS, TimeUnit.SECONDS);
                } else {
                    // No lifespan given: the cache's own expiry applies. (A lifespan of -1 here would make the entry immortal.)
                    cache.computeIfPresent(number, (k, v) -> v.afterCall(queue, at));
                }
            }
        }
    }

    /**
     * The CRM's answer when one is configured and answers (the local store is refreshed with it);
     * otherwise the local store's copy, marked stale when the CRM was asked and did not answer.
     */
    private CallerContext profile(String number) {
        CallerContext unknown = new CallerContext(number, null, null, null, null, 0, null, null, Instant.now(), false);
        if (remote.configured()) {
            CrmGateway.Result r = remote.lookup(number);
            switch (r.outcome()) {
                case FOUND -> {
                    CustomerInput c = r.customer();
                    try {
                        crm.upsertCustomer(c);
                    } catch (CrmValidationException e) {
                        System.getLogger(CallerContextCache.class.getName()).log(System.Logger.Level.WARNING,
                                "The CRM's record for {0} does not validate, not stored locally: {1}", number, e.getMessage());
                    }
                    return new CallerContext(number, c.customerId(), c.name(), c.tier() == null ? "standard" : c.tier(),
                            c.language(), r.openCases(), null, null, Instant.now(), false);
                }
                case NOT_FOUND -> {
                    return unknown;
                }
                default -> {
                    return crm.lookup(number).map(CallerContext::asStale).orElse(unknown.asStale());
                }
            }
        }
        return crm.lookup(number).orElse(unknown);
    }

    public void invalidate(String e164) {
        if (e164 != null && !e164.isEmpty()) {
            cache.remove(e164);
        }
    }

    private CallerContext load(String number, String raw) {
        CallerContext profile = profile(number);
        return calls.lastRoutedCall(raw)
                .map(last -> profile.afterCall(last.queue(), last.startedAt()))
                .orElse(profile);
    }
}
