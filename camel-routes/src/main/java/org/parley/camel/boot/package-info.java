/** Owns the application's CamelContext: built, started and stopped with the deployment. */
package org.parley.camel.boot;
