/**
 * What the parts of Parley need to publish metrics through WildFly's Micrometer registry: histograms that survive
 * its per-deployment registry ({@link org.parley.ivr.metrics.Histogram}).
 */
package org.parley.ivr.metrics;
