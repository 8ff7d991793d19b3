package org.parley.ivr.crm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Where the CRM's REST writes enter: each is a command sent through the Camel route
 * {@code direct:crm-inbound} (camel-routes), which validates and stores it in the customer store,
 * so the inbound path can be extended in the Camel DSL (enrichment, auditing) like the file drop.
 */
@ApplicationScoped
public class CrmInbound {

    /** What the CRM asks for. */
    public sealed interface Command permits PutCustomer, DeleteCustomer, PutCase, DeleteCase {
    }

    public record PutCustomer(CustomerInput customer) implements Command {
    }

    public record DeleteCustomer(String customerId) implements Command {
    }

    public record PutCase(CaseInput kase) implements Command {
    }

    public record DeleteCase(String caseId) implements Command {
    }

    private volatile Function<Command, Object> route;

    /** Installed by camel-routes when the CamelContext starts. */
    public void install(Function<Command, Object> route) {
        this.route = route;
    }

    /**
     * Runs a command through the inbound route; returns what the store answered (true: created or
     * deleted, false: replaced or not there).
     *
     * @throws CrmValidationException the payload does not validate; nothing was stored
     */
    public boolean send(Command command) {
        Function<Command, Object> r = route;
        if (r == null) {
            throw new IllegalStateException("the CRM inbound route is not running yet; try again in a moment");
        }
        return Boolean.TRUE.equals(r.apply(command));
    }
}
