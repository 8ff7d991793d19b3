package org.parley.ivr.crm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * The deployment's own CRM, asked over HTTP when a caller's context is not cached (the route is in
 * camel-routes, with a timeout and a circuit breaker). Not configured: only the local customer store
 * the CRM writes to is used.
 */
@ApplicationScoped
public class CrmGateway {

    /** What the CRM said about a number. */
    public enum Outcome { FOUND, NOT_FOUND, UNAVAILABLE }

    /** The answer; {@code customer} and {@code openCases} only when FOUND; {@code detail} says why when UNAVAILABLE. */
    public record Result(Outcome outcome, CustomerInput customer, int openCases, String detail) {

        public static Result found(CustomerInput customer, int openCases) {
            return new Result(Outcome.FOUND, customer, openCases, "");
        }

        public static Result notFound() {
            return new Result(Outcome.NOT_FOUND, null, 0, "");
        }

        public static Result unavailable(String why) {
            return new Result(Outcome.UNAVAILABLE, null, 0, why);
        }
    }

    private volatile Function<String, Result> lookup;

    /** Installed by the CRM lookup route when {@code parley.crm.lookup-url} is set. */
    public void install(Function<String, Result> lookup) {
        this.lookup = lookup;
    }

    public boolean configured() {
        return lookup != null;
    }

    /** Asks the CRM about an E.164 number; never throws (a failure is UNAVAILABLE). */
    public Result lookup(String e164) {
        Function<String, Result> l = lookup;
        if (l == null) {
            return Result.unavailable("no CRM lookup configured");
        }
        try {
            Result r = l.apply(e164);
            return r == null ? Result.unavailable("no answer") : r;
        } catch (RuntimeException e) {
            return Result.unavailable(e.toString());
        }
    }
}
