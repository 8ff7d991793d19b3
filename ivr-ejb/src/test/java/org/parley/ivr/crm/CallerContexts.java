package org.parley.ivr.crm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.infinispan.Cache;
import org.parley.ivr.call.CallRepository;

/** Caller contexts as a server without a CRM URL builds them, for tests in other packages that run without the server. */
public final class CallerContexts {

    private CallerContexts() {
    }

    /** What {@code parley.crm.lookup-url} unset means: no remote CRM, the local customer store only. */
    private static final CrmGateway NO_REMOTE_CRM = new CrmGateway() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public Result lookup(String e164) {
            throw new IllegalStateException("no CRM lookup is configured");
        }
    };

    /** Contexts from the local customer store in {@code em} and the calls in {@code calls}, cached in {@code cache}. */
    public static CallerContextCache localOnly(EntityManager em, Cache<String, CallerContext> cache, CallRepository calls) {
        CrmStore store = new CrmStore();
        store.em = em;
        store.validator = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        store.countryCode = "1";
        CallerContextCache contexts = new CallerContextCache();
        contexts.metrics = new SimpleMeterRegistry();
        contexts.cache = cache;
        contexts.crm = store;
        contexts.calls = calls;
        contexts.remote = NO_REMOTE_CRM;
        store.contexts = contexts;
        return contexts;
    }
}
