package org.parley.ivr.call;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.parley.ivr.callback.CallbackStores;
import org.parley.ivr.callback.Callbacks;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.events.EventOutbox;
import org.parley.ivr.events.Outboxes;
import org.parley.rules.fact.Decision;

/** A call repository as the server wires it, for tests in other packages that run without the server. */
public final class CallRepositories {

    private CallRepositories() {
    }

    /** Calls written to {@code em}, their events to {@code events}, callbacks they ask for to {@code callbacks}. */
    public static CallRepository writingTo(EntityManager em, EventOutbox events, Callbacks callbacks) {
        CallRepository calls = new CallRepository();
        calls.em = em;
        calls.events = events;
        calls.callbacks = callbacks;
        return calls;
    }

    /**
     * Calls written as {@code @Transactional} writes them in the server: each method in its own transaction and
     * entity manager, so writes from several threads (the dialog, the journal's retries) do not share one, and a
     * failed write leaves nothing behind.
     */
    public static CallRepository transactional(EntityManagerFactory emf) {
        return new CallRepository() {
            private <T> T inOwnTransaction(Function<CallRepository, T> work) {
                EntityManager em = emf.createEntityManager();
                try {
                    CallRepository calls = writingTo(em, Outboxes.writingTo(em, "http://crm.example/hook"), CallbackStores.writingTo(em));
                    em.getTransaction().begin();
                    T result = work.apply(calls);
                    em.getTransaction().commit();
                    return result;
                } finally {
                    if (em.getTransaction().isActive()) {
                        try {
                            em.getTransaction().rollback();
                        } catch (RuntimeException brokenConnection) {
                            // the database went away mid-write: nothing was committed
                        }
                    }
                    em.close();
                }
            }

            @Override
            public long start(CallInfo info, Instant startedAt) {
                return inOwnTransaction(calls -> calls.start(info, startedAt));
            }

            @Override
            public void recordTurn(long callId, TurnData data) {
                inOwnTransaction(calls -> {
                    calls.recordTurn(callId, data);
                    return null;
                });
            }

            @Override
            public void finish(long callId, CallStatus status, Decision decision, Instant endedAt) {
                inOwnTransaction(calls -> {
                    calls.finish(callId, status, decision, endedAt);
                    return null;
                });
            }

            @Override
            public int closeLeftOver() {
                return inOwnTransaction(CallRepository::closeLeftOver);
            }

            @Override
            public Optional<RoutedCall> lastRoutedCall(String number) {
                return inOwnTransaction(calls -> calls.lastRoutedCall(number));
            }

            @Override
            public Optional<CallView.Detail> find(long id) {
                return inOwnTransaction(calls -> calls.find(id));
            }

            @Override
            public boolean answers() {
                EntityManager em = emf.createEntityManager();
                try {
                    return writingTo(em, null, null).answers();
                } finally {
                    em.close();
                }
            }
        };
    }
}
