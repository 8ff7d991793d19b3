package org.parley.web.live;

import jakarta.annotation.security.RolesAllowed;
import org.parley.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.live.LiveChannels;
import org.parley.ivr.live.QueueBoard;
import org.parley.rules.engine.Situation;

/** What Asterisk's manager events say now: queues as the rules see them, live channels, events received. */
@RolesAllowed(Roles.SUPERVISOR)
@Path("/live")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "live")
public class LiveResource {

    /** The live picture. */
    public record Live(long amiEvents, Map<String, Situation.Queue> queues, List<LiveChannels.Channel> channels) {
    }

    @Inject
    QueueBoard queues;

    @Inject
    LiveChannels channels;

    @GET
    @Operation(summary = "Queues (waiting, expected wait, agents available), live channels and the number of AMI events received")
    public Live get() {
        return new Live(channels.events(), queues.snapshot(), channels.channels());
    }
}
