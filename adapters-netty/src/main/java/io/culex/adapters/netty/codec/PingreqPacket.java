package io.culex.adapters.netty.codec;

/** PINGREQ: carries no fields, so one instance serves everybody. */
public enum PingreqPacket implements MqttPacket {
    INSTANCE
}
