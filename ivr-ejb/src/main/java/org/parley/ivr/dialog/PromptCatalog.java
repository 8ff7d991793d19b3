package org.parley.ivr.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps prompt ids used by the dialog and the rules ("greeting", "clarify", "transfer-fraud") to
 * Asterisk sound files under one directory of the sounds folder.
 */
@ApplicationScoped
public class PromptCatalog {

    @Inject
    @ConfigProperty(name = "parley.prompts.directory", defaultValue = "parley")
    String directory;

    /** The sound file for a prompt id, e.g. {@code parley/greeting}. */
    public String file(String promptId) {
        return directory.isEmpty() ? promptId : directory + "/" + promptId;
    }
}
