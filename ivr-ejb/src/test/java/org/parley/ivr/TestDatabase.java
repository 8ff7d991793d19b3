package org.parley.ivr;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An empty database with Parley's schema (made by the Flyway migrations, as in the server; Hibernate then
 * validates its mapping against it) for each test that asks: H2 in memory by default, or the real PostgreSQL
 * of {@link PostgresServer} when the tests run with {@code -Dparley.test.db=postgresql} (the build's
 * {@code postgresql} test execution).
 */
public final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestDatabase() {
    }

    /** Which database these tests run on: {@code h2} or {@code postgresql}. */
    public static String kind() {
        return System.getProperty("parley.test.db", "h2");
    }

    /** A persistence unit on a new, empty, migrated database. */
    public static EntityManagerFactory open() {
        return Persistence.createEntityManagerFactory("parley-test", settings());
    }

    /** Closes what a test opened, in order; what it never got to open (a skipped test) is left alone. */
    public static void close(EntityManager em, EntityManagerFactory emf) {
        if (em != null) {
            em.close();
        }
        if (emf != null) {
            emf.close();
        }
    }

    /** The JDBC settings of a new, empty database (not yet migrated). */
    public static Map<String, Object> settings() {
        int n = NEXT.incrementAndGet();
        if ("postgresql".equals(kind())) {
            return PostgresServer.get().newSchema("test_" + ProcessHandle.current().pid() + "_" + n);
        }
        return Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:parley-" + n + ";DB_CLOSE_DELAY=-1",
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", "");
    }
}
