/**
 * The conversation with one caller: asks, listens, has the words understood and the rules decide,
 * then carries out the decision on the call. Talks to Asterisk only through {@link org.parley.ivr.dialog.CallChannel}.
 */
package org.parley.ivr.dialog;
