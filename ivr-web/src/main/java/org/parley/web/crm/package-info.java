/** The CRM's REST interface: customers and cases into Parley's customer store. */
package org.parley.web.crm;
