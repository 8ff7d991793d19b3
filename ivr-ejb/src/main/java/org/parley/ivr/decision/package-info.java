/** The serving rule set: compiled once at start-up from ivr-rules, shared by every call. */
package org.parley.ivr.decision;
