package org.parley.camel.boot;

import org.apache.camel.CamelContext;

/**
 * One family of routes (the dialog over FastAGI, speech, the CRM, the manager interface, call events)
 * with its own configuration and wiring. {@link CamelBootstrap} adds each, in the order of its list,
 * to Parley's one CamelContext, tells each once the context has started, and stops them on undeploy.
 */
public interface RouteFamily {

    /** Adds this family's components and routes (and reports its health when it is not configured). */
    void addTo(CamelContext camel) throws Exception;

    /** The context has started: the routes run. */
    default void started(CamelContext camel) {
    }

    /** The context has stopped: release what {@link #addTo} opened outside Camel. */
    default void stopped() {
    }
}
