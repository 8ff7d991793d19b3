/** Speech recognition for the dialog: the shared recogniser, built from this deployment's phrases. */
package org.parley.ivr.speech;
