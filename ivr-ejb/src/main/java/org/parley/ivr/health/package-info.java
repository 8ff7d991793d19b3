/** Whether each part of Parley is up, for {@code GET /api/health} and start-up messages. */
package org.parley.ivr.health;
