package io.culex.adapters.netty.codec;

/** PINGRESP: carries no fields, so one instance serves everybody. */
public enum PingrespPacket implements MqttPacket {
    INSTANCE
}
