/**
 * How long Parley keeps what it writes: ended calls with their turns and decisions, delivered and dead
 * call events, finished callbacks. Old rows are deleted in small batches on a timer, each batch its own
 * transaction; rule-set versions and their change log are kept for good (they are the audit trail).
 */
package org.parley.ivr.retention;
