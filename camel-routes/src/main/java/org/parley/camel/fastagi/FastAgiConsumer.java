package org.parley.camel.fastagi;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;

/**
 * Runs the FastAGI server while the route runs. Each call for the endpoint's script is processed
 * synchronously on its own session thread: the AGI conversation lasts as long as the exchange.
 */
public class FastAgiConsumer extends DefaultConsumer {

    private static final System.Logger LOG = System.getLogger(FastAgiConsumer.class.getName());

    private ManagedAgiServer server;

    public FastAgiConsumer(FastAgiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public FastAgiEndpoint getEndpoint() {
        return (FastAgiEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        FastAgiEndpoint e = getEndpoint();
        server = new ManagedAgiServer(mapping(), e.getComponent().getThreadFactory(), e.getIdleThreads(), e.getMaxSessions());
        try {
            server.bind(InetAddress.getByName(e.getBindAddress()), e.getPort(), e.getReadTimeoutSeconds() * 1000,
                    e.getComponent().getAllowedPeers(), e.getComponent().getRefusingCalls(),
                    new GuardedServerSocket.Limits(e.getMaxLineBytes(), e.getMaxEnvironmentLines()));
        } catch (IOException bindFailure) {
            throw new IOException("FastAGI cannot listen on " + e.getBindAddress() + ":" + e.getPort() + " (" + bindFailure.getMessage()
                    + "); is another Parley or AGI server running? Set parley.agi.port to a free port.", bindFailure);
        }
        Thread acceptor = e.getComponent().getThreadFactory().newThread(this::accept);
        acceptor.setName("fastagi-accept-" + e.getPort());
        acceptor.start();
        LOG.log(Level.INFO, "FastAGI listening on {0}:{1,number,#} for agi://<host>:{1,number,#}/{2} (up to {3} concurrent calls,"
                + " from {4})", e.getBindAddress(), e.getPort(), e.getScript(), e.getMaxSessions(), e.getComponent().getAllowedPeers());
    }

    private void accept() {
        try {
            server.startup();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "FastAGI listener on port " + getEndpoint().getPort() + " stopped: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.shutdown();
            server = null;
        }
        super.doStop();
    }

    private MappingStrategy mapping() {
        String script = getEndpoint().getScript();
        return (AgiRequest request, AgiChannel channel) -> {
            if (channel instanceof RefusedAgiChannel refused) {
                return (r, c) -> LOG.log(Level.WARNING, refused.reason());
            }
            if (!script.equals(request.getScript())) {
                LOG.log(Level.WARNING, "FastAGI request {0} for call {1} names script ''{2}'', but Parley serves ''{3}''; "
                        + "fix the dialplan to AGI(agi://<parley-host>:{4,number,#}/{3})",
                        request.getRequestURL(), request.getUniqueId(), request.getScript(), script, getEndpoint().getPort());
                // asterisk-java then sets AJ_AGISTATUS=NOT_FOUND and tells Asterisk with VERBOSE
                return null;
            }
            return this::process;
        };
    }

    private void process(AgiRequest request, AgiChannel channel) throws AgiException {
        Exchange exchange = createExchange(false);
        Exception failure;
        try {
            exchange.getIn().setBody(request);
            exchange.getIn().setHeader(FastAgiConstants.CHANNEL, channel);
            exchange.getIn().setHeader(FastAgiConstants.UNIQUE_ID, request.getUniqueId());
            getProcessor().process(exchange);
            failure = exchange.getException();
        } catch (Exception e) {
            failure = e;
        } finally {
            releaseExchange(exchange, false);
        }
        if (failure instanceof AgiException agi) {
            throw agi;
        }
        if (failure != null) {
            throw new AgiException("route " + getRouteId() + " failed on call " + request.getUniqueId() + ": " + failure.getMessage(), failure);
        }
    }
}
