package org.parley.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class NodeReadinessTest {

    private final PartHealth database = PartHealth.required("database", "not checked yet");
    private final PartHealth ami = PartHealth.optional("ami", "connecting to 10.0.0.5:5038");
    private final NodeReadiness readiness = new NodeReadiness();

    private void parts() {
        List<HealthCheck> checks = List.of(database::response, ami::response);
        readiness.parts(() -> checks);
    }

    @Test
    void aNodeIsNotReadyBeforeItsPartsAreKnown() {
        assertThat(readiness.call().getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.call().getData().orElseThrow()).containsEntry("detail", "starting: the parts are not known yet");
    }

    @Test
    void aRequiredPartThatIsDownMakesTheNodeNotReady() {
        parts();
        ami.up("connected to Asterisk 22");

        assertThat(readiness.call().getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.call().getData().orElseThrow()).containsEntry("database", "down: not checked yet");
    }

    @Test
    void anOptionalPartThatIsDownLeavesTheNodeReadyButSaysItIsDegraded() {
        parts();
        database.up("PostgreSQL 15.18");
        ami.down("connection refused");

        assertThat(readiness.call().getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.call().getData().orElseThrow()).containsEntry("database", "up: PostgreSQL 15.18")
                .containsEntry("ami", "degraded: connection refused");
        ComponentStatus console = ComponentStatus.of(ami.response());
        assertThat(console).isEqualTo(new ComponentStatus(false, "connection refused", false));
        assertThat(ami.response().getStatus()).as("a lost AMI link never takes a node out of service").isEqualTo(Status.UP);
    }

    @Test
    void aRecoveredPartMakesTheNodeReadyAgain() {
        parts();
        database.up("H2");
        ami.up("connected");
        database.down("unreachable: Connection refused");
        assertThat(readiness.call().getStatus()).isEqualTo(Status.DOWN);

        database.up("H2");

        assertThat(readiness.call().getStatus()).isEqualTo(Status.UP);
    }
}
