/**
 * What happened on each call: {@code CallRecord}, its {@code Turn}s and their {@code DecisionRecord}s
 * (JPA, on the ParleyDS datasource), written by the dialog and read by the API.
 */
package org.parley.ivr.call;
