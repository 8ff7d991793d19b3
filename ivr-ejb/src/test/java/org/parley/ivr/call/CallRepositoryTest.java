package org.parley.ivr.call;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.callback.Callbacks;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.events.OutboxEvent;
import org.parley.ivr.events.Outboxes;
import org.parley.rules.fact.Decision;

/**
 * The call records as the server writes them, on real Hibernate and the test database (each call in its
 * own transaction, as {@code @Transactional} does in WildFly): how calls end, and which calls a restarted
 * node closes.
 */
class CallRepositoryTest {

    private EntityManagerFactory emf;
    private EntityManager em;
    private CallRepository calls;
    private String nodeBefore;

    @BeforeEach
    void openDatabase() {
        nodeBefore = System.getProperty("jboss.node.name");
        emf = TestDatabase.open();
        em = emf.createEntityManager();
        calls = new CallRepository();
        calls.em = em;
        calls.events = Outboxes.writingTo(em, "http://crm.example/hook");
        calls.callbacks = new Callbacks();
    }

    @AfterEach
    void closeDatabase() {
        if (nodeBefore == null) {
            System.clearProperty("jboss.node.name");
        } else {
            System.setProperty("jboss.node.name", nodeBefore);
        }
        TestDatabase.close(em, emf);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return Transactions.in(em, work);
    }

    private long startOn(String node, String uniqueId) {
        System.setProperty("jboss.node.name", node);
        return inTransaction(() -> calls.start(new CallInfo(uniqueId, "PJSIP/trunk-0001", "5551234", "100", "ivr", "en")));
    }

    private CallRecord record(long id) {
        em.clear();
        return em.find(CallRecord.class, id);
    }

    @Test
    void aRestartedNodeClosesOnlyTheCallsItLeftOpen() {
        long mine = startOn("node-b", "1700000000.1");
        long routed = startOn("node-b", "1700000000.2");
        Decision transfer = new Decision();
        transfer.transfer("fraud", 1, "");
        inTransaction(() -> {
            calls.finish(routed, CallStatus.ROUTED, transfer);
            return null;
        });
        long theirs = startOn("node-a", "1700000000.3");

        System.setProperty("jboss.node.name", "node-b");
        int closed = inTransaction(calls::closeLeftOver);

        assertThat(closed).isEqualTo(1);
        assertThat(record(mine).getStatus()).isEqualTo(CallStatus.INTERRUPTED);
        assertThat(record(mine).getEndedAt()).isNotNull();
        assertThat(record(mine).getQueue()).isNull();
        assertThat(record(routed).getStatus()).as("a call that had ended keeps its ending").isEqualTo(CallStatus.ROUTED);
        assertThat(record(theirs).getStatus()).as("node-a's call may be live on node-a").isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(em.createQuery("select e from OutboxEvent e where e.type = 'call.ended' and e.callUniqueId = '1700000000.1'",
                OutboxEvent.class).getResultList()).as("the CRM hears that the call ended").hasSize(1)
                .allSatisfy(e -> assertThat(e.getPayload()).contains("\"status\":\"INTERRUPTED\""));
        assertThat(inTransaction(calls::closeLeftOver)).as("nothing is closed twice").isZero();
    }

    @Test
    void aCallCarriedOnByAnotherNodeIsThatNodesToEnd() {
        CallInfo info = new CallInfo("1700000000.9", "PJSIP/trunk-0009", "5551234", "100", "ivr", "en");
        java.time.Instant startedAt = java.time.Instant.parse("2026-12-07T10:00:00.123456Z");
        System.setProperty("jboss.node.name", "node-a");
        long id = inTransaction(() -> calls.start(info, startedAt));

        System.setProperty("jboss.node.name", "node-b");
        assertThat(inTransaction(() -> calls.takeOver(info, startedAt))).as("the same record").isEqualTo(id);
        assertThat(record(id).getNode()).isEqualTo("node-b");

        System.setProperty("jboss.node.name", "node-a");
        inTransaction(() -> {
            calls.finish(id, CallStatus.ABANDONED, null);
            return null;
        });
        assertThat(inTransaction(calls::closeLeftOver)).as("node-a restarting").isZero();
        assertThat(record(id).getStatus()).as("node-a's ending is not the call's").isEqualTo(CallStatus.IN_PROGRESS);

        System.setProperty("jboss.node.name", "node-b");
        Decision transfer = new Decision();
        transfer.transfer("fraud", 1, "");
        inTransaction(() -> {
            calls.finish(id, CallStatus.ROUTED, transfer);
            return null;
        });
        assertThat(record(id).getStatus()).isEqualTo(CallStatus.ROUTED);
        assertThat(record(id).getQueue()).isEqualTo("fraud");
    }

    @Test
    void aCallItsFirstNodeRecordedAsCutOffIsInProgressAgainWhenAnotherNodeCarriesItOn() {
        CallInfo info = new CallInfo("1700000000.10", "PJSIP/trunk-0010", "5551234", "100", "ivr", "en");
        java.time.Instant startedAt = java.time.Instant.parse("2026-12-07T10:00:00.5Z");
        System.setProperty("jboss.node.name", "node-a");
        long id = inTransaction(() -> calls.start(info, startedAt));
        inTransaction(() -> {
            calls.finish(id, CallStatus.ABANDONED, null);
            return null;
        });

        System.setProperty("jboss.node.name", "node-b");
        inTransaction(() -> calls.takeOver(info, startedAt));
        assertThat(record(id).getStatus()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(record(id).getEndedAt()).isNull();

        CallInfo neverRecorded = new CallInfo("1700000000.11", "PJSIP/trunk-0011", "5551234", "100", "ivr", "en");
        long fresh = inTransaction(() -> calls.takeOver(neverRecorded, startedAt));
        assertThat(record(fresh).getUniqueId()).as("a start that never reached the database is recorded").isEqualTo("1700000000.11");
    }
}
