/**
 * Scenario tests that analysts write for rule sets: given a caller, their words and what was
 * understood, expect a decision. Plain Java over the fact model and the rule engine.
 */
package org.parley.rules.scenario;
