package org.parley.ivr.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes call events into the outbox, one row per configured target, inside the caller's
 * transaction: an event exists exactly when the call record change it describes was committed.
 */
@ApplicationScoped
public class EventOutbox {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** Webhook URLs that receive every call event (comma-separated); none: no events are written. */
    @Inject
    @ConfigProperty(name = "parley.events.webhooks")
    Optional<List<String>> webhooks;

    /**
     * The JMS topic (JNDI name) that also receives every event; "none" turns it off. The provisioning
     * CLI creates {@code java:/jms/topic/ParleyCallEvents} on the embedded broker.
     */
    @Inject
    @ConfigProperty(name = "parley.events.jms-topic", defaultValue = "java:/jms/topic/ParleyCallEvents")
    String jmsTopic;

    /** Targets that are a JMS destination start with this. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    public static final String JMS_PREFIX = "jms:";

    /** Adds an event for every target; joins the current transaction (call records are written in one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, String callUniqueId, JsonObject payload) {
        List<String> targets = targets();
        if (targets.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String body = JSON.createObjectBuilder()
                .add("eventId", eventId)
                .add("type", type)
                .add("occurredAt", now.toString())
                .add("call", payload)
                .build().toString();
        for (String target : targets) {
            em.persist(new OutboxEvent(eventId, type, target, callUniqueId, body, now));
        }
    }

    /** The webhook URLs, then {@code jms:<jndi name>} of the topic. */
    public List<String> targets() {
        List<String> targets = new java.util.ArrayList<>(webhooks.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (!jmsTopic.isBlank() && !jmsTopic.equalsIgnoreCase("none")) {
            targets.add(JMS_PREFIX + jmsTopic.strip());
        }
        return targets;
    }
}
