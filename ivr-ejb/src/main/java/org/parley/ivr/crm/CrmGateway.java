package org.parley.ivr.crm;

/**
 * The deployment's own CRM, asked over HTTP when a caller's context is not cached. Implemented where
 * the route is (camel-routes, with a timeout and a circuit breaker); when {@code parley.crm.lookup-url}
 * is not set every answer is UNAVAILABLE and only the local customer store the CRM writes to is used.
 */
public interface CrmGateway {

    /** What the CRM said about a number. */
    enum Outcome { FOUND, NOT_FOUND, UNAVAILABLE }

    /** The answer; {@code customer} and {@code openCases} only when FOUND; {@code detail} says why when UNAVAILABLE. */
    record Result(Outcome outcome, CustomerInput customer, int openCases, String detail) {

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

    /** Whether a CRM is configured to be asked at all. */
    boolean configured();

    /** Asks the CRM about an E.164 number; never throws (a failure is UNAVAILABLE, with why). */
    Result lookup(String e164);
}
