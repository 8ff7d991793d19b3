/**
 * Callbacks the rules offered: stored with the call, then placed back through Asterisk (AMI
 * Originate) when due.
 */
package org.parley.ivr.callback;
