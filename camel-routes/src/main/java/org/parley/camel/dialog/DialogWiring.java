package org.parley.camel.dialog;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.boot.RouteFamily;
import org.parley.camel.fastagi.FastAgiComponent;
import org.parley.camel.net.AsteriskPeers;
import org.parley.health.Part;
import org.parley.ivr.cluster.ServerSuspension;
import org.parley.ivr.dialog.DialogService;

/**
 * Calls in: the {@code fastagi:} listener Asterisk's dialplan reaches with
 * {@code AGI(agi://<parley-host>:4573/ivr)}, on container-managed threads, and the route that hands
 * each call to the dialog. Configured by the {@code parley.agi.*} keys.
 */
@ApplicationScoped
public class DialogWiring implements RouteFamily {

    private static final System.Logger LOG = System.getLogger(DialogWiring.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    DialogService dialog;

    @Inject
    SpeechWiring speech;

    @Inject
    @Part
    FastAgiCheck health;

    @Inject
    AsteriskPeers peers;

    @Inject
    @ConfigProperty(name = "parley.agi.port", defaultValue = "4573")
    int port;

    @Inject
    @ConfigProperty(name = "parley.agi.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "parley.agi.script", defaultValue = "ivr")
    String script;

    @Inject
    @ConfigProperty(name = "parley.agi.idle-threads", defaultValue = "16")
    int idleThreads;

    @Inject
    @ConfigProperty(name = "parley.agi.max-sessions", defaultValue = "5000")
    int maxSessions;

    @Inject
    @ConfigProperty(name = "parley.agi.read-timeout-seconds", defaultValue = "60")
    int readTimeoutSeconds;

    @Override
    public void addTo(CamelContext camel) throws Exception {
        int longestAsk = speech.longestAskSeconds();
        if (readTimeoutSeconds < longestAsk) {
            LOG.log(Level.WARNING, "parley.agi.read-timeout-seconds={0} is shorter than the longest ask (about {1} s: a prompt, the input"
                    + " timeout and the longest utterance); raise it or calls will be cut", readTimeoutSeconds, longestAsk);
        }
        FastAgiComponent fastagi = new FastAgiComponent();
        fastagi.setThreadFactory(threadFactory);
        fastagi.setAllowedPeers(peers.allowed());
        // A drained (suspended) WildFly takes no new calls; Asterisk's dialplan sends them to the next node.
        fastagi.setRefusingCalls(new ServerSuspension()::suspended);
        camel.addComponent("fastagi", fastagi);
        camel.addRoutes(new DialogRoutes(dialog, new FastAgiSettings(script, bindAddress, port, idleThreads, maxSessions,
                readTimeoutSeconds), speech.transport()));
    }

    @Override
    public void started(CamelContext camel) {
        String where = bindAddress + ":" + port;
        health.state().up("listening on " + where + " for agi://<host>:" + port + "/" + script);
        LOG.log(Level.INFO, "Parley is ready: FastAGI on {0} (dialplan: AGI(agi://<parley-host>:{1,number,#}/{2})), API under /api",
                where, port, script);
    }

    @Override
    public void stopped() {
        health.state().down("stopped");
    }
}
