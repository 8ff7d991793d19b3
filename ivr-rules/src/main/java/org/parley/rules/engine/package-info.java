/**
 * Compiles DRL into an immutable {@link org.parley.rules.engine.RuleSet} and runs one stateless
 * decision per turn, recording which rules fired. Plain Drools; no container types.
 */
package org.parley.rules.engine;
