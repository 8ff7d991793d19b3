/**
 * The web side of who may do what: the login page, the session endpoint, security headers and the CSRF check.
 * Identities and roles come from WildFly Elytron; nothing here authenticates by itself.
 */
package org.parley.web.security;
