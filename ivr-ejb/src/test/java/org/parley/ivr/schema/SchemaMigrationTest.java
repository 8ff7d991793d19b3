package org.parley.ivr.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.call.CallRecord;
import org.parley.ivr.call.CallStatus;

/**
 * The schema is the migrations': an empty database is migrated and Hibernate's mapping validates against it; a
 * database the previous release made with Hibernate is taken as version 1 and migrated with its rows kept; a
 * migrated database is left as it is; a database whose tables do not match the mapping is refused at start-up.
 * Runs on H2 and, in the build's postgresql execution, on PostgreSQL.
 */
class SchemaMigrationTest {

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersionAndTheMappingValidatesAgainstIt() throws SQLException {
        Map<String, Object> settings = TestDatabase.settings();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("parley-test", settings);
        try {
            assertThat(appliedVersions(settings)).containsExactly("1", "2", "3", "4", "5");
            EntityManager em = emf.createEntityManager();
            long id = Transactions.in(em, () -> {
                CallRecord call = new CallRecord("1700000000.1", "Local/1", "5551234", "100", "node-a", Instant.now());
                em.persist(call);
                return call.getId();
            });
            em.clear();
            assertThat(em.find(CallRecord.class, id).getStatus()).isEqualTo(CallStatus.IN_PROGRESS);
            em.close();
        } finally {
            emf.close();
        }
    }

    @Test
    void aDatabaseTheLastReleaseMadeWithHibernateKeepsItsRowsAndIsMigratedFromVersionOne() throws SQLException, IOException {
        Map<String, Object> settings = TestDatabase.settings();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            // what hbm2ddl made: version 1's tables, no migration history
            for (String sql : script("V1__schema_of_parley_0_1.sql").replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("insert into call_record (id, uniqueId, startedAt, status) values (7, '1600000000.7', current_timestamp, 'ROUTED')");
        }

        EntityManagerFactory emf = Persistence.createEntityManagerFactory("parley-test", settings);
        try {
            assertThat(appliedVersions(settings)).containsExactly("1", "2", "3", "4", "5");
            EntityManager em = emf.createEntityManager();
            assertThat(em.find(CallRecord.class, 7L).getUniqueId()).isEqualTo("1600000000.7");
            em.close();
        } finally {
            emf.close();
        }
    }

    @Test
    void aMigratedDatabaseIsLeftAsItIs() throws SQLException {
        Map<String, Object> settings = TestDatabase.settings();
        Persistence.createEntityManagerFactory("parley-test", settings).close();
        String[] before = appliedVersions(settings);

        Persistence.createEntityManagerFactory("parley-test", settings).close();

        assertThat(appliedVersions(settings)).containsExactly(before).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void tablesThatDoNotMatchTheMappingStopTheStartWithWhatIsWrong() throws SQLException {
        Map<String, Object> settings = TestDatabase.settings();
        Persistence.createEntityManagerFactory("parley-test", settings).close();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("alter table turn drop column intent");
        }

        assertThatThrownBy(() -> Persistence.createEntityManagerFactory("parley-test", settings).close())
                .hasStackTraceContaining("missing column [intent] in table [turn]");
    }

    private static String[] appliedVersions(Map<String, Object> settings) throws SQLException {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select \"version\" from \"flyway_schema_history\""
                        + " where \"success\" and \"version\" is not null order by \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions.toArray(String[]::new);
        }
    }

    private static Connection connect(Map<String, Object> settings) throws SQLException {
        Map<String, Object> s = new HashMap<>(settings);
        return DriverManager.getConnection((String) s.get("jakarta.persistence.jdbc.url"), (String) s.get("jakarta.persistence.jdbc.user"),
                (String) s.get("jakarta.persistence.jdbc.password"));
    }

    private static String script(String name) throws IOException {
        try (InputStream in = SchemaMigrationTest.class.getResourceAsStream("/db/migration/" + TestDatabase.kind() + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
