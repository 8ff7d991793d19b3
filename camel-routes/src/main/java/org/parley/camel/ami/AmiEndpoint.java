package org.parley.camel.ami;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One manager connection; the consumer receives its events. */
public class AmiEndpoint extends DefaultEndpoint {

    private final String name;
    private String host;
    private int port = 5038;
    private String username;
    private String password;
    private long maxBackoffMillis = 30_000;

    public AmiEndpoint(String uri, AmiComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("ami: endpoints only consume events; send actions through AmiConsumer.connection()");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AmiConsumer consumer = new AmiConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public AmiComponent getComponent() {
        return (AmiComponent) super.getComponent();
    }

    public String getName() {
        return name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public long getMaxBackoffMillis() {
        return maxBackoffMillis;
    }

    /** Longest wait between login attempts (default 30 s); waits start at 1 s and double. */
    public void setMaxBackoffMillis(long maxBackoffMillis) {
        this.maxBackoffMillis = maxBackoffMillis;
    }
}
