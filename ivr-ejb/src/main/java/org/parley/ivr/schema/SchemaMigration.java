package org.parley.ivr.schema;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Brings the database to the schema this release expects, with Flyway, while Hibernate builds the
 * persistence unit: integrators run before Hibernate validates the mapping against the tables
 * ({@code hibernate.hbm2ddl.auto=validate}) and before any bean can touch the database, so no start-up
 * order between beans matters. Migrations are SQL per database ({@code db/migration/h2},
 * {@code db/migration/postgresql}); several nodes starting at once are serialised by Flyway's lock.
 *
 * <p>A database made by an earlier Parley (tables created by Hibernate, no {@code flyway_schema_history}) is
 * taken as version 1 (the schema that Parley created) and migrated from there. A migration that fails stops
 * the deployment with Flyway's message; nothing half-migrated serves calls.
 */
public class SchemaMigration implements Integrator {

    private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());

    /** The persistence-unit property that turns migration off (a database an operator migrates by hand). */
    public static final String ENABLED = "parley.schema.migrate";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Map<String, Object> settings = sessionFactory.getServiceRegistry().requireService(ConfigurationService.class).getSettings();
        if ("false".equalsIgnoreCase(String.valueOf(settings.getOrDefault(ENABLED, "true")))) {
            return;
        }
        migrate(dataSource(settings));
    }

    /** Migrates the database behind {@code source} to this release's schema; returns the version it is at. */
    public static String migrate(DataSource source) {
        String database;
        boolean madeByHibernate;
        try (Connection connection = source.getConnection()) {
            database = folder(connection.getMetaData().getDatabaseProductName());
            String schema = connection.getSchema();
            madeByHibernate = hasTable(connection.getMetaData(), schema, "call_record")
                    && !hasTable(connection.getMetaData(), schema, "flyway_schema_history");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate its schema: " + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration/" + database)
                .baselineVersion("1")
                .baselineDescription("schema created by Hibernate before migrations")
                .load();
        try {
            if (madeByHibernate) {
                LOG.log(Level.INFO, "The database has Parley''s tables but no migration history: taking it as version 1");
                flyway.baseline();
            }
            MigrateResult result = flyway.migrate();
            String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
            LOG.log(result.migrationsExecuted == 0 ? Level.DEBUG : Level.INFO, "Database schema ({0}) at version {1}; {2} migrations applied now",
                    database, version, result.migrationsExecuted);
            return version;
        } catch (FlywayException e) {
            throw new IllegalStateException("the database schema could not be migrated (" + database + "): " + e.getMessage(), e);
        }
    }

    private static String folder(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return "postgresql";
        }
        if (name.equals("h2")) {
            return "h2";
        }
        throw new IllegalStateException("Parley has no schema migrations for " + productName + "; use PostgreSQL or H2");
    }

    private static boolean hasTable(DatabaseMetaData meta, String schema, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The datasource the persistence unit uses: the server's JTA datasource, or (tests, tools) one made from
     * the JDBC URL the unit is given.
     */
    private static DataSource dataSource(Map<String, Object> settings) {
        for (String key : new String[] {"jakarta.persistence.jtaDataSource", "jakarta.persistence.nonJtaDataSource",
                "hibernate.connection.datasource"}) {
            if (settings.get(key) instanceof DataSource source) {
                return source;
            }
        }
        Object url = settings.get("jakarta.persistence.jdbc.url");
        if (url == null) {
            throw new IllegalStateException("the persistence unit has neither a datasource nor jakarta.persistence.jdbc.url");
        }
        return Flyway.configure().dataSource(url.toString(), string(settings.get("jakarta.persistence.jdbc.user")),
                string(settings.get("jakarta.persistence.jdbc.password"))).getDataSource();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to undo
    }
}
