/**
 * Health as MicroProfile Health reports it. Each part of Parley keeps its own {@link org.parley.health.PartHealth}
 * and has a {@link org.parley.health.Part} check in its own package; {@link org.parley.health.NodeReadiness} and
 * {@link org.parley.health.NodeLiveness} are the node's probes ({@code /health/ready}, {@code /health/live}). This
 * module is a library in the EAR because that is the only place WildFly registers an EAR's checks from.
 */
package org.parley.health;
