/** The outbox poller that delivers call events to the CRM's webhooks. */
package org.parley.camel.events;
