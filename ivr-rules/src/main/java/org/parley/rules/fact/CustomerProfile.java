package org.parley.rules.fact;

import java.util.Locale;
import java.util.Objects;

/**
 * What the CRM knows about the caller. {@code tier} is the CRM's segment ("VIP", "standard", ...);
 * {@code stale} is true when the CRM could not be asked and this is an older copy.
 */
public final class CustomerProfile {

    private final String customerId;
    private final String name;
    private final String tier;
    private final String language;
    private final int openCases;
    private final boolean stale;

    public CustomerProfile(String customerId, String name, String tier, String language, int openCases, boolean stale) {
        this.customerId = customerId == null ? "" : customerId;
        this.name = name == null ? "" : name;
        this.tier = tier == null ? "standard" : tier;
        this.language = language == null ? "" : language.toLowerCase(Locale.ROOT);
        this.openCases = openCases;
        this.stale = stale;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getName() {
        return name;
    }

    public String getTier() {
        return tier;
    }

    /** True for the CRM's VIP tier. */
    public boolean isVip() {
        return "vip".equalsIgnoreCase(tier);
    }

    /** The language the customer asked to be served in, or "" when the CRM does not say. */
    public String getLanguage() {
        return language;
    }

    public int getOpenCases() {
        return openCases;
    }

    public boolean isStale() {
        return stale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerProfile other && customerId.equals(other.customerId) && name.equals(other.name)
                && tier.equals(other.tier) && language.equals(other.language) && openCases == other.openCases && stale == other.stale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, name, tier, language, openCases, stale);
    }

    @Override
    public String toString() {
        return "CustomerProfile{customerId=" + customerId + ", name=" + name + ", tier=" + tier + ", language=" + language
                + ", openCases=" + openCases + ", stale=" + stale + "}";
    }
}
