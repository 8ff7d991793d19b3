package org.parley.camel.ami;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One manager connection; the consumer receives its events. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ami", title = "Asterisk Manager Interface", syntax = "ami:name", consumerOnly = true,
        remote = true, category = {Category.NETWORKING, Category.MONITORING})
public class AmiEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for the link (one per Asterisk server)")
    @Metadata(required = true)
    private final String name;
    @UriParam(description = "Asterisk's host")
    @Metadata(required = true)
    private String host;
    @UriParam(defaultValue = "5038", description = "The manager interface's port (manager.conf)")
    private int port = 5038;
    @UriParam(label = "security", description = "The manager.conf user Parley logs in as")
    @Metadata(required = true)
    private String username;
    @UriParam(label = "security", secret = true, description = "That user's secret; give it as RAW(...)")
    @Metadata(required = true)
    private String password;
    @UriParam(defaultValue = "30000", label = "advanced", description = "Longest wait between login attempts, in ms")
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
