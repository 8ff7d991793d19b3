/**
 * What Parley knows about callers from the CRM: the local customer store (customers and cases,
 * written by the CRM's REST calls and bulk CSV imports) and the caller-context cache the dialog
 * reads at every call.
 */
package org.parley.ivr.crm;
