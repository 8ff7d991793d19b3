package org.parley.camel.boot;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.parley.camel.ami.AmiWiring;
import org.parley.camel.callback.CallbackWiring;
import org.parley.camel.crm.CrmWiring;
import org.parley.camel.dialog.DialogWiring;
import org.parley.camel.dialog.FastAgiCheck;
import org.parley.camel.dialog.SpeechWiring;
import org.parley.camel.events.EventWiring;
import org.parley.health.Part;
import org.parley.ivr.dialog.DialogService;

/**
 * The one owner of Parley's {@link CamelContext} (Camel 4 has no CDI integration): builds it when
 * the application starts from the route families below, each with its own configuration and wiring,
 * and stops it on undeploy. A singleton EJB so that whoever needs the routes before they run (a CRM
 * write arriving during deployment) waits for {@link #start} rather than fail.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CamelBootstrap {

    @Inject
    DialogService dialog;

    @Inject
    @Part
    FastAgiCheck health;

    @Inject
    SpeechWiring speech;

    @Inject
    DialogWiring calls;

    @Inject
    CrmWiring crm;

    @Inject
    AmiWiring ami;

    @Inject
    CallbackWiring callbacks;

    @Inject
    EventWiring events;

    private volatile CamelContext camel;
    private volatile ProducerTemplate producer;

    /** In this order: the dialog's routes need the speech transport. */
    private List<RouteFamily> families() {
        return List.of(speech, calls, crm, ami, callbacks, events);
    }

    @PostConstruct
    void start() {
        // Rules and language model first: the first caller must not wait for them.
        dialog.prepare();
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("parley");
        context.setApplicationContextClassLoader(CamelBootstrap.class.getClassLoader());
        // Undeploy must not hang on a slow webhook or CRM: in-flight work gets 10 s, then stops.
        context.getShutdownStrategy().setTimeout(10);
        try {
            for (RouteFamily family : families()) {
                family.addTo(context);
            }
            context.start();
        } catch (Exception e) {
            health.state().down("routes did not start: " + e.getMessage());
            families().forEach(RouteFamily::stopped);
            throw new IllegalStateException("Parley's Camel routes did not start: " + e.getMessage(), e);
        }
        camel = context;
        producer = context.createProducerTemplate();
        families().forEach(family -> family.started(context));
    }

    /** Sends into Parley's routes ({@code direct:} endpoints); shared, thread-safe. */
    public ProducerTemplate producer() {
        return producer;
    }

    @PreDestroy
    void stop() {
        // Calls in the dialog go to the fallback queue at their next turn while Camel gives in-flight calls 10 s.
        dialog.drain();
        if (camel != null) {
            camel.stop();
        }
        families().forEach(RouteFamily::stopped);
        dialog.closeInterrupted();
    }
}
