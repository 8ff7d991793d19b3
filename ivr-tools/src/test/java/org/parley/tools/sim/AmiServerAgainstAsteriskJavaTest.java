package org.parley.tools.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;

/** The AMI simulator against asterisk-java's own ManagerConnection: what works with it works with Asterisk's wire protocol. */
class AmiServerAgainstAsteriskJavaTest {

    @Test
    void asteriskJavaLogsInGetsEventsSendsActionsAndLogsOff() throws Exception {
        try (AmiServer ami = new AmiServer(0, "parley", "s3cret")) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", ami.port(), "parley", "s3cret").createManagerConnection();
            List<ManagerEvent> events = new CopyOnWriteArrayList<>();
            connection.addEventListener(events::add);
            connection.login();
            assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
            assertThat(ami.logins()).isEqualTo(1);

            ManagerResponse pong = connection.sendAction(new PingAction());
            assertThat(pong.getResponse()).isEqualTo("Success");

            ami.emit("QueueCallerJoin", Map.of("Queue", "cards", "Position", "1", "Count", "3", "CallerIDNum", "5551234"));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(QueueCallerJoinEvent.class::isInstance));
            QueueCallerJoinEvent join = (QueueCallerJoinEvent) events.stream().filter(QueueCallerJoinEvent.class::isInstance).findFirst().orElseThrow();
            assertThat(join.getQueue()).isEqualTo("cards");
            assertThat(join.getCount()).isEqualTo(3);

            OriginateAction originate = new OriginateAction();
            originate.setChannel("PJSIP/5551234");
            originate.setContext("parley-callback");
            originate.setExten("s");
            originate.setPriority(1);
            assertThat(connection.sendAction(originate).getResponse()).isEqualTo("Success");
            assertThat(ami.originated()).singleElement().satisfies(o -> assertThat(o).containsEntry("channel", "PJSIP/5551234"));

            connection.logoff();
            await().atMost(Duration.ofSeconds(5)).until(() -> ami.loggedIn() == 0);
        }
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        try (AmiServer ami = new AmiServer(0, "parley", "s3cret")) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", ami.port(), "parley", "wrong").createManagerConnection();

            assertThatThrownBy(connection::login).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("Authentication failed");
            assertThat(ami.logins()).isZero();
        }
    }
}
