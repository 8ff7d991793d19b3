package org.parley.ivr.call;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.Part;
import org.parley.health.PartHealth;

/** Health of a required part: the database calls are recorded in answers (a pooled connection that the driver says is valid). */
@Part
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    private static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALID_WITHIN_SECONDS);
            String product = connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
            return PartHealth.response("database", true, valid, valid ? product : product + " did not answer within "
                    + VALID_WITHIN_SECONDS + " s");
        } catch (SQLException e) {
            return PartHealth.response("database", true, false, "unreachable: " + e.getMessage());
        }
    }
}
