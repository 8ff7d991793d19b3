/** The route from FastAGI into the dialog, and the adapter that lets the dialog speak AGI. */
package org.parley.camel.dialog;
