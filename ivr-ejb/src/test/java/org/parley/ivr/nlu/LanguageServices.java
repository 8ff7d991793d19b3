package org.parley.ivr.nlu;

/** The language service with the shipped models loaded, for tests in other packages that run without the server. */
public final class LanguageServices {

    private LanguageServices() {
    }

    public static LanguageService loaded() {
        LanguageService language = new LanguageService();
        language.loadModels();
        return language;
    }
}
