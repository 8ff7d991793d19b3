/** Language understanding for Parley: {@link org.parley.nlp.Understander} combines intent, sentiment and entities. */
package org.parley.nlp;
