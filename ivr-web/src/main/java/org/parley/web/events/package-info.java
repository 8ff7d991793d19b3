/** Operators' view of call-event delivery: counts, dead letters, replay. */
package org.parley.web.events;
