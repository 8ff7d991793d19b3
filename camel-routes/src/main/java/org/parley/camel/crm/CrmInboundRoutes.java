package org.parley.camel.crm;

import org.apache.camel.builder.RouteBuilder;
import org.parley.ivr.crm.CrmInbound;
import org.parley.ivr.crm.CrmStore;

/**
 * {@code direct:crm-inbound}: the CRM's REST writes (customers and cases), validated and stored in
 * the customer store, which refreshes the caller-context cache. A payload that does not validate
 * fails the exchange with the field errors and stores nothing.
 */
public class CrmInboundRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "crm-inbound";
    public static final String ENDPOINT = "direct:crm-inbound";

    private final CrmStore store;

    public CrmInboundRoutes(CrmStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).process(exchange -> {
            CrmInbound.Command command = exchange.getIn().getBody(CrmInbound.Command.class);
            boolean result;
            if (command instanceof CrmInbound.PutCustomer c) {
                result = store.upsertCustomer(c.customer());
            } else if (command instanceof CrmInbound.DeleteCustomer c) {
                result = store.deleteCustomer(c.customerId());
            } else if (command instanceof CrmInbound.PutCase c) {
                result = store.upsertCase(c.kase());
            } else if (command instanceof CrmInbound.DeleteCase c) {
                result = store.deleteCase(c.caseId());
            } else {
                throw new IllegalArgumentException("not a CRM command: " + command);
            }
            exchange.getMessage().setBody(result);
        });
    }
}
