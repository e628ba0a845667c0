package io.culex.application.connection;

import io.culex.domain.will.Will;

/**
 * A decoded CONNECT, in the application's terms.
 *
 * @param clientId  possibly empty
 * @param cleanSession MQTT 3.x clean session, MQTT 5 Clean Start
 * @param username  null if absent
 * @param password  null if absent; never logged
 * @param will      null if the client registered none
 * @param usernameFromCertificate the transport took the username from a verified client certificate
 *                  (use_identity_as_username / use_subject_as_username): no password to check
 * @param properties MQTT 5 properties; {@link ConnectProperties#NONE} for 3.x
 * @param bridge    an MQTT 3.x client that said it is a bridge (Mosquitto's try_private: bit 0x80 of the protocol
 *                  level): its subscriptions get No Local and Retain As Published, so what it publishes does
 *                  not come back to it
 */
public record ConnectRequest(int protocolLevel, String clientId, boolean cleanSession, int keepAliveSeconds,
                             String username, byte[] password, Will will, boolean usernameFromCertificate,
                             ConnectProperties properties, boolean bridge) {

    /** From a client that is not a bridge. */
    public ConnectRequest(int protocolLevel, String clientId, boolean cleanSession, int keepAliveSeconds,
                          String username, byte[] password, Will will, boolean usernameFromCertificate,
                          ConnectProperties properties) {
        this(protocolLevel, clientId, cleanSession, keepAliveSeconds, username, password, will,
                usernameFromCertificate, properties, false);
    }

    /** An MQTT 3.x CONNECT. */
    public ConnectRequest(int protocolLevel, String clientId, boolean cleanSession, int keepAliveSeconds,
                          String username, byte[] password, Will will, boolean usernameFromCertificate) {
        this(protocolLevel, clientId, cleanSession, keepAliveSeconds, username, password, will,
                usernameFromCertificate, ConnectProperties.NONE);
    }

    /** An MQTT 3.x CONNECT whose credentials are the packet's own. */
    public ConnectRequest(int protocolLevel, String clientId, boolean cleanSession, int keepAliveSeconds,
                          String username, byte[] password, Will will) {
        this(protocolLevel, clientId, cleanSession, keepAliveSeconds, username, password, will, false);
    }

    /** The same CONNECT authenticated as {@code authenticatedUsername} (by an enhanced authentication method). */
    public ConnectRequest withUsername(String authenticatedUsername) {
        return new ConnectRequest(protocolLevel, clientId, cleanSession, keepAliveSeconds, authenticatedUsername, null,
                will, usernameFromCertificate, properties, bridge);
    }

    @Override
    public String toString() {
        return "ConnectRequest[level=" + protocolLevel + ", clientId=" + clientId + ", clean=" + cleanSession
                + ", keepAlive=" + keepAliveSeconds + ", username=" + username + ", will=" + (will != null) + (bridge ? ", bridge" : "") + "]";
    }
}
