/** The serving intent model (OpenNLP, from ivr-nlp), loaded once and shared by every call. */
package org.parley.ivr.nlu;
