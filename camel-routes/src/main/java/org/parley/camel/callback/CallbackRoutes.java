package org.parley.camel.callback;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.builder.RouteBuilder;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.parley.ivr.callback.CallbackRequest;
import org.parley.ivr.callback.Callbacks;

/**
 * Every second, places the callbacks that are due: AMI {@code Originate} of the configured channel
 * (default {@code Local/<number>@parley-outbound}) into the dialplan context {@code parley-callback}
 * with {@code PARLEY_QUEUE} and {@code PARLEY_PRIORITY} set, so the answered caller joins the queue
 * that offered the callback. While the AMI link is down nothing is tried.
 */
public class CallbackRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "callbacks";

    private final Callbacks callbacks;
    private final Supplier<ManagerConnection> ami;
    private final String channelPattern;
    private final String context;

    public CallbackRoutes(Callbacks callbacks, Supplier<ManagerConnection> ami, String channelPattern, String context) {
        this.callbacks = callbacks;
        this.ami = ami;
        this.channelPattern = channelPattern;
        this.context = context;
    }

    @Override
    public void configure() {
        from("timer:callbacks?delay=2000&period=1000").routeId(ROUTE_ID).process(exchange -> {
            ManagerConnection connection = ami.get();
            if (connection == null || connection.getState() != ManagerConnectionState.CONNECTED) {
                return;
            }
            for (CallbackRequest c : callbacks.claimDue(20)) {
                callbacks.settle(c.getId(), originate(connection, c));
            }
        });
    }

    private String originate(ManagerConnection connection, CallbackRequest c) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(channelPattern.replace("{number}", c.getNumber()));
        originate.setContext(context);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setCallerId("Parley callback <" + c.getNumber() + ">");
        originate.setTimeout(30_000L);
        originate.setAsync(true);
        originate.setVariables(Map.of("PARLEY_QUEUE", c.getQueue(), "PARLEY_PRIORITY", Integer.toString(c.getPriority()),
                "PARLEY_CALLBACK_ID", Long.toString(c.getId())));
        try {
            ManagerResponse response = connection.sendAction(originate, 10_000);
            return "Success".equalsIgnoreCase(response.getResponse()) ? null : "Originate refused: " + response.getMessage();
        } catch (Exception e) {
            return "Originate failed: " + e;
        }
    }
}
