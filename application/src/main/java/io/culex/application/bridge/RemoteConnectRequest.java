package io.culex.application.bridge;

import io.culex.application.protocol.ProtocolVersion;

/**
 * The CONNECT a bridge sends to its remote broker.
 *
 * @param tryPrivate           set bit 0x80 of the protocol level (Mosquitto's bridge extension, MQTT 3.x only)
 *                             so that a peer that understands it does not send our own messages back
 * @param sessionExpirySeconds MQTT 5 Session Expiry Interval (ignored for 3.x)
 * @param username             null for none
 * @param password             null for none
 * @param will                 null for none
 * @param receiveMaximum       MQTT 5 Receive Maximum we announce; 0 to leave it out (65,535)
 * @param maximumPacketSize    MQTT 5 Maximum Packet Size we announce and enforce on what we receive; 0 for none
 * @param tls                  null for plain TCP
 */
public record RemoteConnectRequest(ProtocolVersion version, boolean tryPrivate, String clientId, boolean cleanStart,
                                   long sessionExpirySeconds, int keepAliveSeconds, String username, byte[] password,
                                   RemoteWill will, int receiveMaximum, long maximumPacketSize, BridgeTls tls) {

    @Override
    public String toString() {
        return "RemoteConnectRequest[version=" + version + ", tryPrivate=" + tryPrivate + ", clientId=" + clientId
                + ", cleanStart=" + cleanStart + ", keepAlive=" + keepAliveSeconds + ", username=" + username
                + ", will=" + (will != null) + ", tls=" + (tls != null) + "]";
    }
}
