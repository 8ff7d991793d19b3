package org.parley.camel.fastagi;

import org.asteriskjava.fastagi.AgiRequest;

/**
 * Decides whether a FastAGI connection carried a request Asterisk would send: Asterisk always
 * starts with {@code agi_network_script}/{@code agi_request}, {@code agi_channel} and
 * {@code agi_uniqueid} lines. Anything else (a port scanner, a health probe, garbage) is refused
 * before a single command is sent.
 */
final class AgiRequestCheck {

    private AgiRequestCheck() {
    }

    /** Null when the request is usable, otherwise what is wrong and how to fix it. */
    static String problem(AgiRequest request) {
        String from = request.getRemoteAddress() + ":" + request.getRemotePort();
        if (request.getRequest() == null || request.getRequest().isEmpty()) {
            return "FastAGI connection from " + from + " sent no AGI environment (the agi_* lines Asterisk sends first,"
                    + " ended by a blank line); closing it. Only Asterisk's AGI(agi://host:port/script) should connect here.";
        }
        String missing = missing(request);
        if (!missing.isEmpty()) {
            return "FastAGI request from " + from + " lacks " + missing + " that Asterisk always sends; closing it."
                    + " Environment received: " + request.getRequest().keySet();
        }
        return null;
    }

    private static String missing(AgiRequest request) {
        StringBuilder missing = new StringBuilder();
        if (request.getScript() == null || request.getScript().isBlank()) {
            missing.append("agi_network_script/agi_request ");
        }
        if (request.getChannel() == null || request.getChannel().isBlank()) {
            missing.append("agi_channel ");
        }
        if (request.getUniqueId() == null || request.getUniqueId().isBlank()) {
            missing.append("agi_uniqueid ");
        }
        return missing.toString().strip();
    }
}
