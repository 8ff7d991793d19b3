package org.parley.camel.ami;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Logs in to Asterisk's manager interface on its own thread, retrying with back-off until it
 * succeeds, so neither deployment nor the AGI path ever waits for Asterisk; once logged in,
 * asterisk-java reconnects by itself when the link drops. Every manager event becomes an exchange
 * (body: the asterisk-java {@link ManagerEvent}); its connect/disconnect events tell the
 * component's link listener whether the link is up.
 */
public class AmiConsumer extends DefaultConsumer implements ManagerEventListener {

    private static final System.Logger LOG = System.getLogger(AmiConsumer.class.getName());

    private volatile ManagerConnection connection;
    private volatile boolean running;
    private volatile Consumer<String> linkListener;
    private Thread loginThread;

    public AmiConsumer(AmiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AmiEndpoint getEndpoint() {
        return (AmiEndpoint) super.getEndpoint();
    }

    /** The manager connection, for actions (Originate); null until the first login. */
    public ManagerConnection connection() {
        return connection;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AmiEndpoint e = getEndpoint();
        linkListener = e.getComponent().getLinkListener();
        connection = new ManagerConnectionFactory(e.getHost(), e.getPort(), e.getUsername(), e.getPassword()).createManagerConnection();
        connection.addEventListener(this);
        running = true;
        loginThread = e.getComponent().getThreadFactory().newThread(this::loginUntilConnected);
        loginThread.setName("ami-login-" + e.getName());
        loginThread.start();
    }

    private void loginUntilConnected() {
        AmiEndpoint e = getEndpoint();
        String where = e.getHost() + ":" + e.getPort();
        long backoff = 1000;
        while (running) {
            try {
                connection.login();
                linkListener.accept("connected to " + where + " as " + e.getUsername());
                LOG.log(Level.INFO, "AMI: logged in to {0} as {1} ({2})", where, e.getUsername(), connection.getVersion());
                askForQueues();
                return;
            } catch (AuthenticationFailedException ex) {
                linkListener.accept("disconnected: login refused for " + e.getUsername());
                LOG.log(Level.ERROR, "AMI: {0} refused the login of user {1} ({2}); check parley.ami.username and parley.ami.password"
                        + " against manager.conf. Retrying in {3} s", where, e.getUsername(), ex.getMessage(), backoff / 1000);
            } catch (Exception ex) {
                linkListener.accept("disconnected: " + where + " unreachable");
                LOG.log(Level.WARNING, "AMI: cannot reach {0} ({1}); retrying in {2} s", where, ex.toString(), backoff / 1000);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, e.getMaxBackoffMillis());
        }
    }

    /**
     * Asks Asterisk for every queue with its callers and members (QueueStatus), answered as events
     * that go down the route like any other: the picture after a login, which events then keep up to
     * date. Asynchronous, so it may be called from asterisk-java's event thread.
     */
    private void askForQueues() {
        try {
            connection.sendEventGeneratingAction(new QueueStatusAction(), answer -> answer.getEvents().forEach(this::onManagerEvent));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "AMI: could not ask {0}:{1} for its queues: {2}", getEndpoint().getHost(), getEndpoint().getPort(),
                    e.toString());
        }
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            linkListener.accept("connected to " + getEndpoint().getHost() + ":" + getEndpoint().getPort());
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                askForQueues(); // a reconnect: the picture was dropped with the link
            }
        } else if (event instanceof DisconnectEvent) {
            linkListener.accept("disconnected: the link to Asterisk dropped; reconnecting");
            LOG.log(Level.WARNING, "AMI: the link to {0}:{1} dropped; asterisk-java reconnects", getEndpoint().getHost(),
                    getEndpoint().getPort());
        }
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(event);
        try {
            getProcessor().process(exchange);
        } catch (Exception ex) {
            exchange.setException(ex);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("AMI event " + event.getClass().getSimpleName() + " was not processed", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (loginThread != null) {
            loginThread.interrupt();
        }
        if (connection != null) {
            connection.removeEventListener(this);
            // Also while asterisk-java is reconnecting: logoff ends its reconnect thread, which would outlive the deployment.
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                try {
                    connection.logoff();
                } catch (IllegalStateException e) {
                    LOG.log(Level.DEBUG, "AMI: logoff in state {0}: {1}", state, e.getMessage());
                }
            }
        }
        super.doStop();
    }
}
