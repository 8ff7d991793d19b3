/**
 * How the caller feels: a per-turn label and score in [-1, 1] from an OpenNLP model trained on
 * call-centre utterances, and the call-level trend. Plain Java; uses OpenNLP only.
 */
package org.parley.nlp.sentiment;
