package org.parley.camel.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.health.Part;
import org.parley.health.PartCheck;
import org.parley.health.PartHealth;

/** Health of an optional part: the AudioSocket listener callers' audio arrives on; without it callers press keys. */
@Part
@ApplicationScoped
public class AudioSocketCheck extends PartCheck {

    public AudioSocketCheck() {
        super(PartHealth.optional("audiosocket", "not started"));
    }
}
