package org.parley.ivr.crm;

/**
 * Where the CRM's REST writes enter: each is a command sent through the Camel route
 * {@code direct:crm-inbound} (implemented in camel-routes), which validates and stores it in the
 * customer store, so the inbound path can be extended in the Camel DSL (enrichment, auditing) like
 * the file drop.
 */
public interface CrmInbound {

    /** What the CRM asks for. */
    sealed interface Command permits PutCustomer, DeleteCustomer, PutCase, DeleteCase {
    }

    record PutCustomer(CustomerInput customer) implements Command {
    }

    record DeleteCustomer(String customerId) implements Command {
    }

    record PutCase(CaseInput kase) implements Command {
    }

    record DeleteCase(String caseId) implements Command {
    }

    /**
     * Runs a command through the inbound route (waiting for the routes to start if they have not
     * yet); returns what the store answered (true: created or deleted, false: replaced or not there).
     *
     * @throws CrmValidationException the payload does not validate; nothing was stored
     */
    boolean send(Command command);
}
