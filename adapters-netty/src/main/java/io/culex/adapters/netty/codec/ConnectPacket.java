package io.culex.adapters.netty.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * CONNECT. {@code username}, {@code password} and {@code will} are {@code null} when absent.
 * On MQTT 5 {@code cleanSession} is the Clean Start flag (same bit) and {@code properties} holds
 * the CONNECT properties; on 3.x they are always empty and a password requires a username.
 *
 * <p>When {@code protocolLevel} is not one this codec speaks (3 for "MQIsdp", 4 or 5 for "MQTT")
 * the decoder stops after the level, because later fields may be laid out differently: only
 * {@code protocolName} and {@code protocolLevel} are then meaningful, the rest hold neutral
 * defaults, and the broker is expected to answer CONNACK 0x01 (0x84 on MQTT 5) and close.
 *
 * <p>{@code bridge} is Mosquitto's bridge extension: bit 0x80 of a 3.1 or 3.1.1 protocol level says the client
 * is a bridge (its {@code try_private} option). The decoder clears the bit from {@code protocolLevel} and sets
 * {@code bridge}; the encoder sets the bit again.
 *
 * <p>The password array is not copied and must be treated as immutable; it is never printed.
 */
public record ConnectPacket(
        String protocolName,
        int protocolLevel,
        String clientId,
        boolean cleanSession,
        int keepAliveSeconds,
        String username,
        byte[] password,
        WillPacketPart will,
        MqttProperties properties,
        boolean bridge)
        implements MqttPacket {

    /** The protocol level bit that marks a bridge. */
    public static final int BRIDGE_BIT = 0x80;

    public ConnectPacket {
        Objects.requireNonNull(protocolName, "protocolName");
        FieldRanges.unsignedByte("protocolLevel", protocolLevel);
        Objects.requireNonNull(clientId, "clientId");
        FieldRanges.unsignedShort("keepAliveSeconds", keepAliveSeconds);
        Objects.requireNonNull(properties, "properties");
    }

    /** From a client that is not a bridge. */
    public ConnectPacket(String protocolName, int protocolLevel, String clientId, boolean cleanSession,
            int keepAliveSeconds, String username, byte[] password, WillPacketPart will, MqttProperties properties) {
        this(protocolName, protocolLevel, clientId, cleanSession, keepAliveSeconds, username, password, will,
                properties, false);
    }

    /** Without properties, as MQTT 3.x sends it. */
    public ConnectPacket(String protocolName, int protocolLevel, String clientId, boolean cleanSession,
            int keepAliveSeconds, String username, byte[] password, WillPacketPart will) {
        this(protocolName, protocolLevel, clientId, cleanSession, keepAliveSeconds, username, password, will,
                MqttProperties.EMPTY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectPacket that
                && protocolLevel == that.protocolLevel
                && cleanSession == that.cleanSession
                && keepAliveSeconds == that.keepAliveSeconds
                && protocolName.equals(that.protocolName)
                && clientId.equals(that.clientId)
                && Objects.equals(username, that.username)
                && Arrays.equals(password, that.password)
                && Objects.equals(will, that.will)
                && properties.equals(that.properties)
                && bridge == that.bridge;
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(protocolName, protocolLevel, clientId, cleanSession, keepAliveSeconds, username, will,
                properties, bridge);
        return 31 * result + Arrays.hashCode(password);
    }

    @Override
    public String toString() {
        return "ConnectPacket[protocolName=" + protocolName
                + ", protocolLevel=" + protocolLevel
                + ", clientId=" + clientId
                + ", cleanSession=" + cleanSession
                + ", keepAliveSeconds=" + keepAliveSeconds
                + ", username=" + username
                + ", password=" + (password == null ? "null" : "<redacted>")
                + ", will=" + will
                + (properties.isEmpty() ? "" : ", properties=" + properties)
                + (bridge ? ", bridge=true" : "")
                + "]";
    }
}
