package org.parley.web.security;

/** The roles of Parley's users (assign them with bin/parley-user). */
public final class Roles {

    /** Edits, validates and tests rules; reads versions and replays decisions. */
    public static final String ANALYST = "analyst";
    /** Publishes and rolls back rule sets. */
    public static final String PUBLISHER = "publisher";
    /** Watches calls, the live view, callbacks and transcripts. */
    public static final String SUPERVISOR = "supervisor";
    /** Customers, events and dead letters, settings. */
    public static final String ADMIN = "admin";
    /** A CRM integration: writes customers and cases. */
    public static final String CRM = "crm";

    /** Every role, in the order the console lists them. */
    public static final java.util.List<String> ALL = java.util.List.of(ANALYST, PUBLISHER, SUPERVISOR, ADMIN, CRM);

    private Roles() {
    }
}
