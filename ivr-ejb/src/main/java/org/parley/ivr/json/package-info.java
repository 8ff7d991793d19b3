/** JSON that arrives over the API, checked before it is bound to Java. */
package org.parley.ivr.json;
