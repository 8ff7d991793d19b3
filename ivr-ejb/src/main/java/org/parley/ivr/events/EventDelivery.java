package org.parley.ivr.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers due outbox rows to their webhooks: POST of the event JSON with {@code Idempotency-Key}
 * (the event id) and {@code X-Parley-Event} headers; a 2xx answer delivers it; anything else is
 * retried with doubling back-off, and after the last attempt the row is dead (listed and replayed
 * through {@code /api/events/dead}). Receivers must treat a repeated key as a duplicate.
 */
@ApplicationScoped
public class EventDelivery {

    @Inject
    OutboxRows rows;

    @Inject
    @ConfigProperty(name = "parley.events.timeout-ms", defaultValue = "2000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "parley.events.max-attempts", defaultValue = "12")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "parley.events.max-backoff-ms", defaultValue = "60000")
    long maxBackoffMillis;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Delivery counters since start: delivered, failed attempts, dead. */
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    /** Delivers up to {@code max} due events; returns how many were attempted. */
    public int deliverDue(int max) {
        List<OutboxEvent> due = rows.due(max);
        for (OutboxEvent e : due) {
            String error = send(e);
            if (error == null) {
                delivered.incrementAndGet();
            } else {
                failures.incrementAndGet();
            }
            rows.settle(e.getId(), error, maxAttempts, maxBackoffMillis);
        }
        return due.size();
    }

    private String send(OutboxEvent e) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(e.getTarget()))
                    .timeout(Duration.ofMillis(timeoutMillis))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", e.getEventId())
                    .header("X-Parley-Event", e.getType())
                    .POST(HttpRequest.BodyPublishers.ofString(e.getPayload()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            String body = response.body() == null ? "" : response.body().strip();
            return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) : body));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception ex) {
            return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        }
    }

    /** Dead events, oldest first. */
    public List<OutboxEvent> dead(int max) {
        return rows.dead(max);
    }

    /** Puts a dead event (or all, when {@code id} is null) back in line; returns how many. */
    public int replay(Long id) {
        return rows.replay(id);
    }

    /** Delivered events per target (webhook URL). */
    public java.util.Map<String, Long> deliveredByTarget() {
        return rows.deliveredByTarget();
    }

    /** Counts for operators: waiting, delivered, dead, and this node's delivery counters. */
    public java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> counts = rows.counts();
        counts.put("deliveredSinceStart", delivered.get());
        counts.put("failedAttemptsSinceStart", failures.get());
        return counts;
    }
}
