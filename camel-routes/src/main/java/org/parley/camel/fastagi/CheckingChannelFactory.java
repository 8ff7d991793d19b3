package org.parley.camel.fastagi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;

/** Gives real requests a real channel and anything else a {@link RefusedAgiChannel}. */
final class CheckingChannelFactory implements AgiChannelFactory {

    private final AgiChannelFactory delegate = new DefaultAgiChannelFactory();

    @Override
    public AgiChannel createAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
        String problem = AgiRequestCheck.problem(request);
        return problem == null ? delegate.createAgiChannel(request, writer, reader)
                : new RefusedAgiChannel(request, writer, reader, problem);
    }
}
