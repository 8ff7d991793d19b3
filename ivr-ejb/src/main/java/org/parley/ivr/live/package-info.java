/** The contact centre right now, from Asterisk's manager events: queues and live channels. */
package org.parley.ivr.live;
