/**
 * The database schema, owned by Flyway migrations ({@code src/main/resources/db/migration/<database>}), migrated
 * and validated as the persistence unit starts, before any part of Parley reads or writes a row.
 */
package org.parley.ivr.schema;
