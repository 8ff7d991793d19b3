/** {@code /api/calls}: recorded calls with their turns, decisions and fired rules. */
package org.parley.web.calls;
