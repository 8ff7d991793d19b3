/** The contact centre right now: live channels and queues from Asterisk's manager events. */
package org.parley.web.live;
