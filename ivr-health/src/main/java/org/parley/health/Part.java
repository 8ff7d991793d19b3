package org.parley.health;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the health check of one part of Parley, in that part's own package. The parts live in the EAR's modules,
 * where WildFly does not look for MicroProfile Health checks (checks in an EAR's sub-deployments are not
 * registered, WFLY-12835): {@link NodeReadiness} reports them all to the probes, and the console shows each.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD, PARAMETER})
public @interface Part {
}
