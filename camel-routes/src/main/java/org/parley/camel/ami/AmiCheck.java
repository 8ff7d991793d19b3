package org.parley.camel.ami;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.health.Part;
import org.parley.health.PartCheck;
import org.parley.health.PartHealth;

/** Health of an optional part: the link to Asterisk's manager interface; without it there are no live queue facts and no callbacks, calls are still routed. */
@Part
@ApplicationScoped
public class AmiCheck extends PartCheck {

    public AmiCheck() {
        super(PartHealth.optional("ami", "not started"));
    }
}
