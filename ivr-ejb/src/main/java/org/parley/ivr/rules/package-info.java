/**
 * Rule-set versions analysts publish: stored immutably (JPA), validated and scenario-tested before
 * they serve, swapped atomically, rolled back to any earlier version.
 */
package org.parley.ivr.rules;
