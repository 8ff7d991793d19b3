/** {@code /api/nlu}: ask the serving language model what an utterance means. */
package org.parley.web.nlu;
