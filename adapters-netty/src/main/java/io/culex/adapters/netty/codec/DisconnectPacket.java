package io.culex.adapters.netty.codec;

/** DISCONNECT: carries no fields, so one instance serves everybody. */
public enum DisconnectPacket implements MqttPacket {
    INSTANCE
}
