/**
 * An Asterisk stand-in for tests, load and demos: places FastAGI calls the way Asterisk's
 * {@code AGI(agi://...)} does and answers AGI commands exactly as {@code res_agi} does on the wire.
 * Plain Java sockets; no Parley server classes.
 */
package org.parley.tools.sim;
