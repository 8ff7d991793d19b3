/**
 * A Camel component, {@code fastagi:<script>}, that runs asterisk-java's FastAGI server and turns
 * each AGI call for that script into an exchange. No container types: the thread factory is given.
 */
package org.parley.camel.fastagi;
