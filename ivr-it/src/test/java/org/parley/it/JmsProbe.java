package org.parley.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import javax.naming.InitialContext;

/**
 * A test-only subscriber deployed next to Parley: subscribes to the call-event topic and answers
 * the first message whose text contains {@code match}, with its properties as headers. {@code /subscribers}
 * says how many such subscriptions are open, so a test places its call once the probe listens.
 */
@Path("/")
@RequestScoped
public class JmsProbe {

    private static final java.util.concurrent.atomic.AtomicInteger SUBSCRIBED = new java.util.concurrent.atomic.AtomicInteger();

    /** The probe's JAX-RS application at /jms-probe/. */
    @ApplicationPath("/")
    public static class ProbeApplication extends Application {
    }

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;

    @GET
    @Path("subscribers")
    @Produces(MediaType.TEXT_PLAIN)
    public String subscribers() {
        return Integer.toString(SUBSCRIBED.get());
    }

    @GET
    @Path("next")
    @Produces(MediaType.TEXT_PLAIN)
    public Response next(@QueryParam("match") String match, @QueryParam("timeoutMs") long timeoutMs) throws Exception {
        Topic topic = InitialContext.doLookup("java:/jms/topic/ParleyCallEvents");
        long deadline = System.currentTimeMillis() + timeoutMs;
        try (JMSContext context = factory.createContext(); JMSConsumer consumer = context.createConsumer(topic)) {
            SUBSCRIBED.incrementAndGet();
            try {
                return receive(consumer, match, deadline, timeoutMs);
            } finally {
                SUBSCRIBED.decrementAndGet();
            }
        }
    }

    private static Response receive(JMSConsumer consumer, String match, long deadline, long timeoutMs) throws Exception {
        long left;
        while ((left = deadline - System.currentTimeMillis()) > 0) {
            Message message = consumer.receive(left);
            if (message == null) {
                break;
            }
            String body = message.getBody(String.class);
            if (match == null || body.contains(match)) {
                return Response.ok(body).header("X-IdempotencyKey", message.getStringProperty("IdempotencyKey"))
                        .header("X-ParleyEvent", message.getStringProperty("ParleyEvent")).build();
            }
        }
        return Response.status(404).entity("no message containing " + match + " within " + timeoutMs + " ms").build();
    }
}
