/**
 * Call events for the CRM (call started, routed, ended): written to an outbox in the same
 * transaction as the call record, then delivered to the configured webhooks with retries and
 * back-off; what never gets through waits in a dead-letter store an operator can replay.
 */
package org.parley.ivr.events;
