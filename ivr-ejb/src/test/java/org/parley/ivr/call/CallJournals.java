package org.parley.ivr.call;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledExecutorService;

/** A call journal as the server wires it, for tests in other packages that run without the server. */
public final class CallJournals {

    private CallJournals() {
    }

    /** Records written through {@code calls}; what waits is retried on {@code scheduler} every {@code retryMillis}. */
    public static CallJournal writingTo(CallRepository calls, MeterRegistry metrics, ScheduledExecutorService scheduler, long retryMillis) {
        CallJournal journal = new CallJournal();
        journal.calls = calls;
        journal.metrics = metrics;
        journal.scheduler = scheduler;
        journal.maxPending = 50_000;
        journal.retryMillis = retryMillis;
        journal.init();
        return journal;
    }
}
