package org.parley.camel.fastagi;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One FastAGI listener for one script path. Consumer only: Asterisk calls us, we never call it over AGI. */
public class FastAgiEndpoint extends DefaultEndpoint {

    private final String script;
    private String bindAddress = "0.0.0.0";
    private int port = 4573;
    private int idleThreads = 16;
    private int maxSessions = 5000;
    private int readTimeoutSeconds = 600;
    private int maxLineBytes = 8192;
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
