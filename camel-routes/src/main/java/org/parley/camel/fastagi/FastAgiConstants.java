package org.parley.camel.fastagi;

/** Headers the fastagi consumer sets; the body is the {@link org.asteriskjava.fastagi.AgiRequest}. */
public final class FastAgiConstants {

    /** The {@link org.asteriskjava.fastagi.AgiChannel} to send AGI commands on. */
    public static final String CHANNEL = "ParleyFastAgiChannel";

    /** Asterisk's uniqueid of the call. */
    public static final String UNIQUE_ID = "ParleyFastAgiUniqueId";

    private FastAgiConstants() {
    }
}
