package io.culex.application.connection;

import io.culex.domain.will.Will;

/**
 * A decoded CONNECT, in the application's terms.
 *
 * @param clientId  possibly empty
 * @param username  null if absent
 * @param password  null if absent; never logged
 * @param will      null if the client registered none
 */
public record ConnectRequest(int protocolLevel, String clientId, boolean cleanSession, int keepAliveSeconds,
                             String username, byte[] password, Will will) {

    @Override
    public String toString() {
        return "ConnectRequest[level=" + protocolLevel + ", clientId=" + clientId + ", clean=" + cleanSession
                + ", keepAlive=" + keepAliveSeconds + ", username=" + username + ", will=" + (will != null) + "]";
    }
}
