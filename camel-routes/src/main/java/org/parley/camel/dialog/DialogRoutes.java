package org.parley.camel.dialog;

import org.apache.camel.builder.RouteBuilder;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.parley.camel.fastagi.FastAgiConstants;
import org.parley.ivr.dialog.DialogService;

/** FastAGI calls into the dialog: one exchange per call, held for the whole conversation. */
public class DialogRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "fastagi-dialog";

    private final DialogService dialog;
    private final FastAgiSettings settings;
    private final SpeechTransport speech;

    public DialogRoutes(DialogService dialog, FastAgiSettings settings, SpeechTransport speech) {
        this.dialog = dialog;
        this.settings = settings;
        this.speech = speech;
    }

    @Override
    public void configure() {
        // No redelivery error handler: a call cannot be retried, and the FastAGI consumer reports a failed dialog itself.
        // (Camel's error handler also refuses to complete an exchange once the context is stopping, which would fail
        // a call that the dialog just handed back to the dialplan cleanly while Parley is being redeployed.)
        from(settings.uri())
                .routeId(ROUTE_ID)
                .errorHandler(noErrorHandler())
                .process(exchange -> dialog.converse(new AsteriskCallChannel(
                        exchange.getIn().getBody(AgiRequest.class),
                        exchange.getIn().getHeader(FastAgiConstants.CHANNEL, AgiChannel.class), speech)));
    }
}
