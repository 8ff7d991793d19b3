package org.parley.camel.fastagi;

import org.apache.camel.spi.Metadata;

/** Headers the fastagi consumer sets; the body is the {@link org.asteriskjava.fastagi.AgiRequest}. */
public final class FastAgiConstants {

    /** The {@link org.asteriskjava.fastagi.AgiChannel} to send AGI commands on. */
    @Metadata(description = "The channel to send AGI commands on", javaType = "org.asteriskjava.fastagi.AgiChannel")
    public static final String CHANNEL = "ParleyFastAgiChannel";

    /** Asterisk's uniqueid of the call. */
    @Metadata(description = "Asterisk's uniqueid of the call", javaType = "String")
    public static final String UNIQUE_ID = "ParleyFastAgiUniqueId";

    private FastAgiConstants() {
    }
}
