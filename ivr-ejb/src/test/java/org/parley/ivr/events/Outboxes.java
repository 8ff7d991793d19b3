package org.parley.ivr.events;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** An event outbox as the server configures it, for tests in other packages that run without the server. */
public final class Outboxes {

    private Outboxes() {
    }

    /** An outbox writing to {@code em} for these webhooks (no JMS topic). */
    public static EventOutbox writingTo(EntityManager em, String... webhooks) {
        EventOutbox outbox = new EventOutbox();
        outbox.em = em;
        outbox.webhooks = Optional.of(List.of(webhooks));
        outbox.jmsTopic = "none";
        return outbox;
    }
}
