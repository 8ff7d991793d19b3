/**
 * Asterisk's AudioSocket protocol: the caller's audio of one "ask" streamed over TCP, matched to the
 * call by its UUID, endpointed into one utterance.
 */
package org.parley.camel.audiosocket;
