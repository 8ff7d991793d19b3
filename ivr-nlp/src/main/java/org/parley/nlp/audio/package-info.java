/** Caller audio before recognition: finding where an utterance starts and ends. */
package org.parley.nlp.audio;
