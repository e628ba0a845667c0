package io.culex.application.admin;

import java.util.Locale;

/**
 * Which clients a list shows: each non-null part must occur in the client's id, username or address,
 * ignoring case (so "sensor" finds "Sensor-7", "10.0.0." finds a subnet).
 */
public record ClientFilter(String clientId, String username, String address) {

    public static final ClientFilter ALL = new ClientFilter(null, null, null);

    boolean matches(ClientSummary client) {
        return contains(client.clientId(), clientId) && contains(client.username(), username)
                && contains(client.address(), address);
    }

    private static boolean contains(String value, String part) {
        if (part == null || part.isEmpty()) {
            return true;
        }
        return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
