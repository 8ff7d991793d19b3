/** The JAX-RS application: everything under {@code /api}, described at {@code /openapi}. */
package org.parley.web.api;
