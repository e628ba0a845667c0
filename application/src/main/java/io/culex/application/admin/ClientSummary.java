package io.culex.application.admin;

/**
 * One client as the clients list shows it: a connected client, or a persistent session whose client is offline.
 *
 * @param username            the authenticated username, or null (always null while offline)
 * @param address             the client's remote address, or null while offline
 * @param protocol            "3.1", "3.1.1" or "5"; null while offline
 * @param listenerId          the listener it came in on, or null
 * @param connectedForSeconds how long it has been connected; -1 while offline
 * @param keepAliveSeconds    the keepalive the broker holds it to; -1 while offline
 */
public record ClientSummary(String clientId, String username, String address, String protocol, String listenerId,
                            boolean connected, long connectedForSeconds, int keepAliveSeconds) {

    static ClientSummary offline(String clientId) {
        return new ClientSummary(clientId, null, null, null, null, false, -1, -1);
    }
}
