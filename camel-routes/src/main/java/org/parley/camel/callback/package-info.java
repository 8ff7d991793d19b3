/** Places due callbacks through Asterisk with AMI Originate. */
package org.parley.camel.callback;
