/**
 * The fact model that routing rules reason over: plain Java, no container or persistence types, so
 * analysts' rules compile and test anywhere.
 */
package org.parley.rules.fact;
