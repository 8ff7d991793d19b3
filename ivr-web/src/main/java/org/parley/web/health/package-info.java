/** {@code /api/health}: is this node able to take calls. */
package org.parley.web.health;
