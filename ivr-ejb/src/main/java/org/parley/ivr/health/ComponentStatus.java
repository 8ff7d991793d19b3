package org.parley.ivr.health;

/** One part of Parley: up or not, and a line saying what it is doing. */
public record ComponentStatus(boolean up, String detail) {
}
