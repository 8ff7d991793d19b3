package org.parley.camel.fastagi;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One FastAGI listener for one script path. Consumer only: Asterisk calls us, we never call it over AGI. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "fastagi", title = "FastAGI", syntax = "fastagi:script", consumerOnly = true,
        remote = true, category = {Category.NETWORKING}, headersClass = FastAgiConstants.class)
public class FastAgiEndpoint extends DefaultEndpoint {

    @UriPath(description = "The script path Asterisk's dialplan names: AGI(agi://host:port/<script>)")
    @Metadata(required = true)
    private final String script;
    @UriParam(defaultValue = "127.0.0.1", description = "The address to listen on; 0.0.0.0 for every interface")
    private String bindAddress = "127.0.0.1";
    @UriParam(defaultValue = "4573", description = "The TCP port")
    private int port = 4573;
    @UriParam(defaultValue = "16", label = "advanced", description = "Threads kept ready for new calls")
    private int idleThreads = 16;
    @UriParam(defaultValue = "5000", description = "Calls served at once; one more is refused with HANGUP")
    private int maxSessions = 5000;
    @UriParam(defaultValue = "600", description = "Longest wait for Asterisk's answer to one AGI command")
    private int readTimeoutSeconds = 600;
    @UriParam(defaultValue = "8192", label = "security", description = "Longest line Asterisk may send, in bytes")
    private int maxLineBytes = 8192;
    @UriParam(defaultValue = "256", label = "security", description = "Most lines in the agi_* environment block")
    private int maxEnvironmentLines = 256;

    FastAgiEndpoint(String uri, FastAgiComponent component, String script) {
        super(uri, component);
        this.script = script;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("fastagi:" + script + " can only be consumed (from); Asterisk places AGI calls, Parley answers them");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FastAgiConsumer consumer = new FastAgiConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public FastAgiComponent getComponent() {
        return (FastAgiComponent) super.getComponent();
    }

    public String getScript() {
        return script;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getIdleThreads() {
        return idleThreads;
    }

    public void setIdleThreads(int idleThreads) {
        this.idleThreads = idleThreads;
    }

    public int getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    /** How long to wait for Asterisk's reply to one command (a prompt can be long; a dead peer must not hold a thread forever). */
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    public int getMaxLineBytes() {
        return maxLineBytes;
    }

    /** Longest line a peer may send (Asterisk's environment lines and replies are far shorter). */
    public void setMaxLineBytes(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public int getMaxEnvironmentLines() {
        return maxEnvironmentLines;
    }

    /** Most agi_* lines a request may carry before its blank line (Asterisk sends about 30). */
    public void setMaxEnvironmentLines(int maxEnvironmentLines) {
        this.maxEnvironmentLines = maxEnvironmentLines;
    }
}
