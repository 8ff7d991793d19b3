package org.parley.camel.fastagi;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;

/**
 * The channel of a connection that was not a real AGI request. It never writes to the socket:
 * asterisk-java's connection handler tries to set AJ_AGISTATUS on it after the script, and a peer
 * that is not Asterisk would never answer, holding a thread until the read timeout.
 */
final class RefusedAgiChannel extends AgiChannelImpl {

    private final String reason;

    RefusedAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader, String reason) {
        super(request, writer, reader);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    @Override
    public synchronized AgiReply sendCommand(AgiCommand command) throws AgiException {
        throw new AgiHangupException();
    }
}
