package org.parley.ivr.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers due outbox rows: to the JMS topic as a text message, and to webhooks as a POST of the
 * event JSON with {@code Idempotency-Key}
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

    /** Requests run on the server's managed executor. */
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    private HttpClient http;

    @jakarta.annotation.PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(executor).build();
    }

    /** Delivery counters since start: delivered, failed attempts, dead. */
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Delivers up to {@code max} due events, all requests of the batch in flight at once; returns how
     * many were attempted. Outcomes are settled in one transaction.
     */
    public int deliverDue(int max) {
        List<OutboxEvent> due = rows.claimDue(max, Duration.ofMillis(2 * (timeoutMillis + 5_000)));
        if (due.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<String>> sent = new ArrayList<>(due.size());
        jakarta.jms.JMSContext topicContext = null;
        try {
            for (OutboxEvent e : due) {
                if (e.getTarget().startsWith(EventOutbox.JMS_PREFIX)) {
                    // One JMS context for the batch's topic messages, not one per message.
                    topicContext = topicContext != null ? topicContext : jms.createContext();
                    sent.add(CompletableFuture.completedFuture(publish(e, topicContext)));
                } else {
                    sent.add(send(e));
                }
            }
        } finally {
            if (topicContext != null) {
                topicContext.close();
            }
        }
        Map<Long, String> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < due.size(); i++) {
            String error;
            try {
                error = sent.get(i).get(timeoutMillis + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (ExecutionException | TimeoutException ex) {
                error = describe(ex);
            }
            if (error == null) {
                delivered.incrementAndGet();
            } else {
                failures.incrementAndGet();
            }
            outcomes.put(due.get(i).getId(), error);
        }
        rows.settle(outcomes, maxAttempts, maxBackoffMillis);
        return due.size();
    }

    /** The embedded broker's in-VM connection factory. */
    @jakarta.annotation.Resource(lookup = "java:/ConnectionFactory")
    jakarta.jms.ConnectionFactory jms;

    /** A webhook POST. */
    private CompletableFuture<String> send(OutboxEvent e) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(e.getTarget()))
                    .timeout(Duration.ofMillis(timeoutMillis))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", e.getEventId())
                    .header("X-Parley-Event", e.getType())
                    .POST(HttpRequest.BodyPublishers.ofString(e.getPayload()))
                    .build();
        } catch (IllegalArgumentException ex) {
            return CompletableFuture.completedFuture("not a usable webhook URL: " + ex.getMessage());
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, ex) -> {
            if (ex != null) {
                return describe(ex);
            }
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            String body = response.body() == null ? "" : response.body().strip();
            return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) : body));
        });
    }

    /** A text message with the event JSON; properties IdempotencyKey and ParleyEvent mirror the webhook headers. */
    private String publish(OutboxEvent e, jakarta.jms.JMSContext context) {
        try {
            jakarta.jms.Topic topic = topics.computeIfAbsent(e.getTarget(), EventDelivery::lookUpTopic);
            context.createProducer().setProperty("IdempotencyKey", e.getEventId()).setProperty("ParleyEvent", e.getType())
                    .send(topic, e.getPayload());
            return null;
        } catch (RuntimeException ex) {
            return "JMS: " + ex;
        }
    }

    /** Topics by target, looked up in JNDI once (the configured topic is one name). */
    private final Map<String, jakarta.jms.Topic> topics = new java.util.concurrent.ConcurrentHashMap<>();

    private static jakarta.jms.Topic lookUpTopic(String target) {
        try {
            return javax.naming.InitialContext.doLookup(target.substring(EventOutbox.JMS_PREFIX.length()));
        } catch (javax.naming.NamingException ex) {
            throw new IllegalStateException("no JMS topic " + target + ": " + ex.getMessage(), ex);
        }
    }

    private static String describe(Throwable ex) {
        Throwable cause = ex instanceof java.util.concurrent.CompletionException || ex instanceof ExecutionException ? ex.getCause() : ex;
        if (cause == null) {
            cause = ex;
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Events being retried after a failed attempt (not yet dead), oldest first. */
    public List<OutboxEvent> failing(int max) {
        return rows.failing(max);
    }

    /** Dead events, oldest first. */
    public List<OutboxEvent> dead(int max) {
        return rows.dead(max);
    }

    /** Puts a dead event (or all, when {@code id} is null) back in line; returns how many. */
    public int replay(Long id) {
        return rows.replay(id);
    }

    /** Delivered events per target (webhook URL or jms:topic). */
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
