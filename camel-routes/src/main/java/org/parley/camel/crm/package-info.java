/** CRM routes: the bulk-import file drop. */
package org.parley.camel.crm;
