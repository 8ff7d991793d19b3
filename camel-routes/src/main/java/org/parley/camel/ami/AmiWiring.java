package org.parley.camel.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.asteriskjava.manager.ManagerConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.boot.RouteFamily;
import org.parley.health.Part;
import org.parley.ivr.live.LiveChannels;
import org.parley.ivr.live.QueueBoard;
import org.parley.ivr.metrics.BoundMeters;

/**
 * Asterisk's manager interface ({@code parley.ami.*}): the {@code ami:} link, logged in on a
 * container-managed thread, and the routes that keep the live picture of queues and channels. Without
 * {@code parley.ami.host} Parley runs without live queue statistics (and places no callbacks).
 */
@ApplicationScoped
public class AmiWiring implements RouteFamily {

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @Part
    AmiCheck health;

    @Inject
    QueueBoard queueBoard;

    @Inject
    LiveChannels liveChannels;

    /** Asterisk's manager interface; without a host Parley runs without live queue statistics. */
    @Inject
    @ConfigProperty(name = "parley.ami.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "parley.ami.port", defaultValue = "5038")
    int port;

    @Inject
    @ConfigProperty(name = "parley.ami.username", defaultValue = "parley")
    String username;

    @Inject
    @ConfigProperty(name = "parley.ami.password")
    Optional<String> password;

    /** Longest wait between AMI login attempts. */
    @Inject
    @ConfigProperty(name = "parley.ami.max-backoff-ms", defaultValue = "30000")
    long maxBackoffMillis;

    /** Whether a manager link is configured (host and password). */
    public boolean configured() {
        return host.isPresent() && !host.get().isBlank() && password.isPresent();
    }

    /** The manager connection of the running link, for actions (Originate); null before the first login or without a link. */
    public ManagerConnection connection(CamelContext camel) {
        Route route = camel.getRoute(AmiRoutes.ROUTE_ID);
        return route != null && route.getConsumer() instanceof AmiConsumer consumer ? consumer.connection() : null;
    }

    @Inject
    MeterRegistry metrics;

    private BoundMeters bound;

    /** 1 while the manager link is logged in, for {@code parley.ami.connected}. */
    private final AtomicInteger connected = new AtomicInteger();

    @Override
    public void addTo(CamelContext camel) throws Exception {
        // 1 while the AMI link to Asterisk is logged in; the events received
        bound = new BoundMeters(metrics);
        bound.gauge("parley.ami.connected", Tags.empty(), connected, AtomicInteger::get);
        bound.functionCounter("parley.ami.events", Tags.empty(), liveChannels.eventCount(), AtomicLong::get);
        if (host.isEmpty() || host.get().isBlank()) {
            health.state().up("not configured (set parley.ami.host, parley.ami.password): no live queue statistics");
            return;
        }
        if (password.isEmpty()) {
            health.state().down("parley.ami.host is set but parley.ami.password is not");
            return;
        }
        AmiComponent ami = new AmiComponent();
        ami.setThreadFactory(threadFactory);
        ami.setLinkListener(status -> {
            String detail = status + "; " + liveChannels.events() + " events so far";
            if (status.startsWith("connected")) {
                connected.set(1);
                health.state().up(detail);
            } else {
                connected.set(0);
                health.state().down(detail);
            }
        });
        camel.addComponent("ami", ami);
        health.state().down("connecting to " + host.get() + ":" + port);
        camel.addRoutes(new AmiRoutes("ami:asterisk?host=" + host.get() + "&port=" + port + "&username=" + username
                + "&password=RAW(" + password.get() + ")&maxBackoffMillis=" + maxBackoffMillis, queueBoard, liveChannels));
    }

    @Override
    public void stopped() {
        if (bound != null) {
            bound.close();
        }
    }
}
