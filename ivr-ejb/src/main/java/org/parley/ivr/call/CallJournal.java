package org.parley.ivr.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.metrics.BoundMeters;
import org.parley.rules.fact.Decision;

/**
 * Writes what happens on each call (its start, each turn, its end, with their call events and any callback) as the
 * dialog goes, and keeps what the database cannot take right now: a database restart or failover must not stop calls
 * being answered and routed. A call's records are written in order; once one of them waits, the rest of that call's
 * wait behind it, in memory, up to {@code parley.records.max-pending} records on this node, and are written when the
 * database answers again (retried every {@code parley.records.retry-ms}). Each write is idempotent (see
 * {@link CallRepository}), so a retry whose first commit went through but whose answer was lost writes nothing twice.
 * Records beyond the bound, or still waiting when the server stops, are lost, and logged as such. A failed write may
 * come as any exception: a commit the database refuses reaches here as JTA's checked {@code RollbackException},
 * which the {@code @Transactional} interceptor throws without declaring it.
 *
 * <p>Written by hand: the ordering per call and the idempotent writes are Parley's own; a message broker in between
 * would be one more thing to lose, and Camel's redelivery works per exchange, not per call.
 */
@ApplicationScoped
public class CallJournal {

    private static final System.Logger LOG = System.getLogger(CallJournal.class.getName());
    /** Attempts at a record the database refuses while it answers otherwise (a bad record, not an outage). */
    private static final int MAX_REFUSALS = 3;

    @Inject
    CallRepository calls;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    MeterRegistry metrics;

    /** Most records this node keeps while the database does not answer. */
    @Inject
    @ConfigProperty(name = "parley.records.max-pending", defaultValue = "50000")
    int maxPending;

    /** How often waiting records are tried again, and how long after a failure new ones wait without trying. */
    @Inject
    @ConfigProperty(name = "parley.records.retry-ms", defaultValue = "1000")
    long retryMillis;

    private final Queue<CallLog> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private volatile long downUntilNanos;
    private volatile boolean down;
    private BoundMeters bound;
    private Counter late;
    private Counter lost;

    @PostConstruct
    void init() {
        // records waiting in memory for the database; written after it came back; not written (over the bound, refused,
        // or waiting at shut-down)
        bound = new BoundMeters(metrics);
        bound.gauge("parley.records.pending", Tags.empty(), pending, AtomicInteger::get);
        late = metrics.counter("parley.records.late");
        lost = metrics.counter("parley.records.lost");
    }

    /** One call's records, in the order they happened. */
    public static final class CallLog {

        private final CallInfo info;
        private final Instant startedAt;
        private final Deque<Write> waiting = new ArrayDeque<>();
        private Long id;
        /** How often the database refused the first waiting record while it answered. */
        private int refusals;

        private CallLog(CallInfo info, Instant startedAt) {
            this.info = info;
            this.startedAt = startedAt;
        }

        public CallInfo info() {
            return info;
        }

        /** When the call entered the IVR, as recorded. */
        public Instant startedAt() {
            return startedAt;
        }

        /** The call's record id once written; empty while its start waits for the database. */
        public synchronized Optional<Long> id() {
            return Optional.ofNullable(id);
        }
    }

    /** One record of a call. */
    private interface Write {
        void apply(CallRepository calls, CallLog log);

        String describe();
    }

    private record Started() implements Write {
        @Override
        public void apply(CallRepository calls, CallLog log) {
            log.id = calls.start(log.info, log.startedAt);
        }

        @Override
        public String describe() {
            return "its start";
        }
    }

    private record TakenOver() implements Write {
        @Override
        public void apply(CallRepository calls, CallLog log) {
            log.id = calls.takeOver(log.info, log.startedAt);
        }

        @Override
        public String describe() {
            return "its take-over by this node";
        }
    }

    private record TurnWritten(TurnData turn) implements Write {
        @Override
        public void apply(CallRepository calls, CallLog log) {
            calls.recordTurn(log.id, turn);
        }

        @Override
        public String describe() {
            return "turn " + turn.number();
        }
    }

    private record Finished(CallStatus status, Decision decision, Instant at) implements Write {
        @Override
        public void apply(CallRepository calls, CallLog log) {
            calls.finish(log.id, status, decision, at);
        }

        @Override
        public String describe() {
            return "its end (" + status + ")";
        }
    }

    /** A call enters the IVR now. */
    public CallLog started(CallInfo info) {
        CallLog log = new CallLog(info, Instant.now());
        submit(log, new Started());
        return log;
    }

    /** A call another node started at {@code startedAt} goes on here (that node died mid-dialog). */
    public CallLog resumed(CallInfo info, Instant startedAt) {
        CallLog log = new CallLog(info, startedAt);
        submit(log, new TakenOver());
        return log;
    }

    /** A turn of the call was decided. */
    public void turn(CallLog log, TurnData turn) {
        submit(log, new TurnWritten(turn));
    }

    /** The call leaves the IVR now; {@code decision} is the last one made, or null. */
    public void finished(CallLog log, CallStatus status, Decision decision) {
        submit(log, new Finished(status, decision, Instant.now()));
    }

    /**
     * Whether what is recorded for this call now is written at once: nothing of it waits and the database answered
     * last time. A promise to the caller (a callback) is made only then.
     */
    public boolean writesNow(CallLog log) {
        synchronized (log) {
            return log.waiting.isEmpty() && !databaseDown();
        }
    }

    /** How many records wait for the database on this node. */
    public int pending() {
        return pending.get();
    }

    private boolean databaseDown() {
        return down && System.nanoTime() < downUntilNanos;
    }

    private void submit(CallLog log, Write write) {
        synchronized (log) {
            if (log.waiting.isEmpty() && !databaseDown()) {
                try {
                    write.apply(calls, log);
                    return;
                } catch (Exception e) { // a commit that fails: JTA's checked RollbackException
                    failed(e);
                }
            }
            if (pending.get() >= maxPending) {
                lost.increment();
                LOG.log(Level.ERROR, "call {0}: {1} is not recorded: {2} records already wait for the database"
                        + " (parley.records.max-pending)", log.info.uniqueId(), write.describe(), maxPending);
                return;
            }
            if (log.waiting.isEmpty()) {
                waiting.add(log);
            }
            log.waiting.add(write);
            pending.incrementAndGet();
        }
        scheduleRetry();
    }

    private void failed(Exception e) {
        downUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMillis);
        if (!down) {
            down = true;
            LOG.log(Level.WARNING, "The database does not take call records ({0}); calls go on, their records wait in memory"
                    + " (up to {1}) and are written when it answers", rootMessage(e), maxPending);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void scheduleRetry() {
        if (retryScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::retry, retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes what waits, call by call in order, until the database fails again. */
    void retry() {
        retryScheduled.set(false);
        int written = 0;
        for (Iterator<CallLog> calls = waiting.iterator(); calls.hasNext(); ) {
            CallLog log = calls.next();
            synchronized (log) {
                while (!log.waiting.isEmpty()) {
                    Write write = log.waiting.peek();
                    boolean writtenNow = true;
                    try {
                        write.apply(this.calls, log);
                    } catch (Exception e) { // a commit that fails comes as a checked RollbackException (see submit)
                        if (!refused(log, write, e)) {
                            failed(e);
                            scheduleRetry();
                            return;
                        }
                        writtenNow = false;
                    }
                    log.waiting.poll();
                    log.refusals = 0;
                    pending.decrementAndGet();
                    if (writtenNow) {
                        written++;
                        late.increment();
                    }
                }
                calls.remove();
            }
        }
        if (down) {
            down = false;
            LOG.log(Level.INFO, "The database takes call records again: {0} records written late, none twice", written);
        }
    }

    /**
     * A record the database refuses while it answers otherwise (a bad record, not an outage): after a few tries it is
     * given up, loudly, so it does not hold back every record behind it.
     */
    private boolean refused(CallLog log, Write write, Exception e) {
        if (!calls.answers()) {
            return false;
        }
        int times = ++log.refusals;
        if (times < MAX_REFUSALS) {
            return false;
        }
        log.refusals = 0;
        lost.increment();
        LOG.log(Level.ERROR, "call {0}: {1} is not recorded: the database refused it {2} times while it answers ({3})",
                log.info.uniqueId(), write.describe(), times, rootMessage(e));
        return true;
    }

    @PreDestroy
    void stop() {
        if (pending.get() > 0) {
            retry();
        }
        if (pending.get() > 0) {
            lost.increment(pending.get());
            LOG.log(Level.ERROR, "Stopping with {0} call records the database never took; they are lost", pending.get());
        }
        bound.close();
    }
}
