package org.parley.camel.crm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.boot.RouteFamily;
import org.parley.health.Part;
import org.parley.ivr.cluster.Node;
import org.parley.ivr.crm.CrmImport;
import org.parley.ivr.crm.CrmStore;
import org.parley.ivr.crm.ImportClaims;
import org.parley.ivr.metrics.BoundMeters;

/**
 * The CRM's three ways in and out: the bulk-import file drop ({@code parley.crm.import-dir}), the
 * inbound route its REST writes go through, and the lookup of callers not cached
 * ({@code parley.crm.lookup-url} and {@code parley.crm.lookup.*}; without a URL only the local
 * customer store is used). The ivr-ejb side reaches the routes through {@link CamelCrmInbound} and
 * {@link CamelCrmGateway}.
 */
@ApplicationScoped
public class CrmWiring implements RouteFamily {

    private static final System.Logger LOG = System.getLogger(CrmWiring.class.getName());

    @Inject
    CrmImport crmImport;

    @Inject
    CrmStore crmStore;

    @Inject
    ImportClaims importClaims;

    /** How long a node's claim on a drop file holds before another node may take the file over (its node died). */
    @Inject
    @ConfigProperty(name = "parley.crm.import-lease-s", defaultValue = "1800")
    long importLeaseSeconds;

    @Inject
    @Part
    CrmCheck health;

    /** Where a CRM drops customer CSV files (default: the server's data dir, parley/crm-import). */
    @Inject
    @ConfigProperty(name = "parley.crm.import-dir")
    Optional<String> importDir;

    /** The deployment's CRM, asked about callers not cached: a URL with {number}, e.g. https://crm/api/customers?phone={number}. */
    @Inject
    @ConfigProperty(name = "parley.crm.lookup-url")
    Optional<String> lookupUrl;

    @Inject
    @ConfigProperty(name = "parley.crm.lookup.timeout-ms", defaultValue = "800")
    long lookupTimeoutMillis;

    @Inject
    @ConfigProperty(name = "parley.crm.lookup.fields",
            defaultValue = "customerId=id,phone=phone,name=name,tier=tier,language=language,openCases=openCases")
    String lookupFields;

    @Inject
    @ConfigProperty(name = "parley.crm.lookup.open-seconds", defaultValue = "30")
    long lookupOpenSeconds;

    /** Whether the CRM is asked about callers ({@code parley.crm.lookup-url} is set). */
    public boolean lookupConfigured() {
        return lookupUrl.isPresent() && !lookupUrl.get().isBlank();
    }

    @Override
    public void addTo(CamelContext camel) throws Exception {
        Path drop = Path.of(importDir.orElseGet(() -> System.getProperty("jboss.server.data.dir", ".") + "/parley/crm-import"));
        Files.createDirectories(drop);
        camel.addRoutes(new CrmImportRoutes(crmImport, drop, new ClaimedFiles(importClaims, Node.name(),
                Duration.ofSeconds(importLeaseSeconds))));
        LOG.log(Level.INFO, "CRM bulk import: drop customer CSV files into {0}", drop);
        camel.addRoutes(new CrmInboundRoutes(crmStore));
        if (!lookupConfigured()) {
            health.state().up("local customer store only (set parley.crm.lookup-url to ask the CRM)");
            return;
        }
        camel.addRoutes(new CrmLookupRoutes(new CrmLookupRoutes.Settings(lookupUrl.get(), lookupTimeoutMillis,
                CrmLookupRoutes.fields(lookupFields), 4, lookupOpenSeconds)));
        health.state().up("asks " + lookupUrl.get() + " (timeout " + lookupTimeoutMillis + " ms)");
    }

    @Inject
    MeterRegistry metrics;

    /** 0 closed (or not yet made: no lookup so far), 1 half-open, 2 open or forced open. */
    static double breakerState(ResilienceProcessor breaker) {
        String state = breaker.getCircuitBreakerState();
        if (state == null || state.equals("CLOSED")) {
            return 0;
        }
        return state.equals("HALF_OPEN") ? 1 : 2;
    }

    private BoundMeters bound;

    @Override
    public void stopped() {
        if (bound != null) {
            bound.close();
        }
    }

    @Override
    public void started(CamelContext camel) {
        ResilienceProcessor breaker = lookupConfigured() ? camel.getProcessor(CrmLookupRoutes.BREAKER_ID, ResilienceProcessor.class) : null;
        if (breaker == null) {
            return;
        }
        health.breaker(breaker::getCircuitBreakerState);
        // The CRM lookup's circuit breaker: 0 closed (the CRM is asked), 1 half-open (trying it again), 2 open (callers
        // are routed on the local store); the processor is Camel's, not a CDI proxy.
        bound = new BoundMeters(metrics);
        bound.gauge("parley.crm.breaker.state", Tags.empty(), breaker, CrmWiring::breakerState);
    }
}
