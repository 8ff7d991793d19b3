/** {@code /api/rules}: versions, validate, test, publish, roll back and diff routing rules. */
package org.parley.web.rules;
