package org.parley.camel.crm;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.health.Part;
import org.parley.health.PartCheck;
import org.parley.health.PartHealth;

/** Health of an optional part: the external CRM lookup; without it callers are routed on the local customer store. */
@Part
@ApplicationScoped
public class CrmCheck extends PartCheck {

    public CrmCheck() {
        super(PartHealth.optional("crm", "not started"));
    }
}
