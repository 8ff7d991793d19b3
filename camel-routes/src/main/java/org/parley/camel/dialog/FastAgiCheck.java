package org.parley.camel.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.health.Part;
import org.parley.health.PartCheck;
import org.parley.health.PartHealth;

/** Health of a required part: the FastAGI listener Asterisk's dialplan reaches is accepting calls. */
@Part
@ApplicationScoped
public class FastAgiCheck extends PartCheck {

    public FastAgiCheck() {
        super(PartHealth.required("fastagi", "not started"));
    }
}
