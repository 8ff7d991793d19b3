/** The callbacks the rules offered, for operators. */
package org.parley.web.callbacks;
