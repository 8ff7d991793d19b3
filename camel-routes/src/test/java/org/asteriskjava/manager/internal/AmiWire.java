package org.asteriskjava.manager.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Runs asterisk-java's own manager reader ({@link ManagerReaderImpl}: line splitting, key/value
 * parsing, event classes, bridge compatibility events) over text as it would arrive from Asterisk,
 * handing every event it builds to a consumer on the calling thread. It lives in asterisk-java's
 * package because the reader's {@code Dispatcher} is package-private; a socket per fuzz input would
 * measure the network instead of the parser.
 */
public final class AmiWire {

    private AmiWire() {
    }

    /** Parses {@code text} (lines ending in CRLF, an empty line ending each event); ends with asterisk-java's DisconnectEvent. */
    public static void read(String text, Consumer<ManagerEvent> events) {
        ManagerReaderImpl reader = new ManagerReaderImpl(new Dispatcher() {
            @Override
            public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
            }

            @Override
            public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
                events.accept(event);
            }

            @Override
            public void stop() {
            }
        }, AmiWire.class);
        reader.setSocket(new Lines(text));
        reader.run();
    }

    /** The reader's socket: CRLF-separated lines of a string, as asterisk-java's socket facade splits them. */
    private static final class Lines implements SocketConnectionFacade {
        private final String text;
        private int at;

        Lines(String text) {
            this.text = text;
        }

        @Override
        public String readLine() {
            if (at >= text.length()) {
                return null;
            }
            int end = text.indexOf("\r\n", at);
            String line = end < 0 ? text.substring(at) : text.substring(at, end);
            at = end < 0 ? text.length() : end + 2;
            return line;
        }

        @Override
        public void write(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
        }

        @Override
        public boolean isConnected() {
            return at < text.length();
        }

        @Override
        public InetAddress getLocalAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public InetAddress getRemoteAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getRemotePort() {
            return 5038;
        }
    }
}
