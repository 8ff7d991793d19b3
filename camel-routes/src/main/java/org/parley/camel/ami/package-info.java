/**
 * {@code ami:} — Asterisk Manager Interface events as Camel exchanges, on asterisk-java's
 * ManagerConnection with a configurable port and login retried with back-off (camel-asterisk's
 * endpoint has no port option and fails the route when Asterisk is not up yet).
 */
package org.parley.camel.ami;
