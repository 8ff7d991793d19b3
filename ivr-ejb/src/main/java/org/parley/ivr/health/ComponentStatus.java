package org.parley.ivr.health;

/**
 * One part of Parley: up or not, and a line saying what it is doing. A part that is not
 * {@code required} (the AMI link, the external CRM) can be down while calls are still taken: the
 * node is then DEGRADED, not DOWN.
 */
public record ComponentStatus(boolean up, String detail, boolean required) {

    /** A part calls cannot do without. */
    public ComponentStatus(boolean up, String detail) {
        this(up, detail, true);
    }

    /** A part calls can do without. */
    public static ComponentStatus optional(boolean up, String detail) {
        return new ComponentStatus(up, detail, false);
    }
}
