package org.parley.camel.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The hosts allowed to open FastAGI and AudioSocket connections: the Asterisk servers
 * ({@code parley.asterisk.allowed-hosts}, addresses or names, resolved once at start-up). Only
 * Asterisk speaks these protocols, and neither carries any authentication of its own, so a connection
 * from anywhere else is closed before a byte of it is read. {@code *} allows every host (only behind
 * a firewall that does the same job).
 */
public final class AllowedPeers implements Predicate<InetAddress> {

    private final boolean any;
    private final Set<InetAddress> addresses;
    private final String described;

    private AllowedPeers(boolean any, Set<InetAddress> addresses, String described) {
        this.any = any;
        this.addresses = Set.copyOf(addresses);
        this.described = described;
    }

    /**
     * Parses a comma-separated list of hosts.
     *
     * @throws IllegalArgumentException naming a host that does not resolve, or when the list is empty
     */
    public static AllowedPeers parse(String hosts) {
        List<String> names = hosts == null ? List.of() : List.of(hosts.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("parley.asterisk.allowed-hosts is empty: name the Asterisk hosts (e.g. 127.0.0.1)"
                    + " or * for any host");
        }
        if (names.contains("*")) {
            return new AllowedPeers(true, Set.of(), "any host");
        }
        Set<InetAddress> resolved = new LinkedHashSet<>();
        for (String name : names) {
            try {
                resolved.addAll(List.of(InetAddress.getAllByName(name)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("parley.asterisk.allowed-hosts names " + name + ", which does not resolve; fix the"
                        + " name or give the Asterisk server's address", e);
            }
        }
        return new AllowedPeers(false, resolved, String.join(", ", names));
    }

    /** When each refused host was last logged; bounded, so a scan of many addresses cannot grow it without end. */
    private final java.util.Map<InetAddress, Long> lastLogged = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether a refusal of {@code peer} should be logged now: once a minute per host, so a flood of
     * connections from one host (or a scan) cannot flood the log.
     */
    public boolean logRefusal(InetAddress peer) {
        long now = System.nanoTime();
        if (lastLogged.size() > 1_000) {
            lastLogged.clear();
        }
        Long last = lastLogged.get(peer);
        if (last != null && now - last < 60_000_000_000L) {
            return false;
        }
        lastLogged.put(peer, now);
        return true;
    }

    @Override
    public boolean test(InetAddress peer) {
        return any || peer != null && addresses.contains(peer);
    }

    @Override
    public String toString() {
        return described;
    }
}
