package org.parley.rules.fact;

import java.util.Locale;
import java.util.Objects;

/** The call itself: its Asterisk unique id and the caller's language (the channel's, or the CRM's). */
public final class Call {

    private final String id;
    private final String language;

    public Call(String id, String language) {
        this.id = id == null ? "" : id;
        this.language = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
    }

    public String getId() {
        return id;
    }

    /** Two-letter language code, {@code en} when nobody said otherwise. */
    public String getLanguage() {
        return language;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call other && id.equals(other.id) && language.equals(other.language);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, language);
    }

    @Override
    public String toString() {
        return "Call{id=" + id + ", language=" + language + "}";
    }
}
