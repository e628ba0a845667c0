package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/** A packet that is its fixed header alone: PINGREQ, PINGRESP, and DISCONNECT on MQTT 3.x. */
record EmptyLayout(PacketType type) implements PacketLayout {

    static final EmptyLayout PINGREQ = new EmptyLayout(PacketType.PINGREQ);
    static final EmptyLayout PINGRESP = new EmptyLayout(PacketType.PINGRESP);
    static final EmptyLayout DISCONNECT = new EmptyLayout(PacketType.DISCONNECT);

    @Override
    public int firstByte() {
        return type.firstByte();
    }

    @Override
    public int remainingLength() {
        return 0;
    }

    @Override
    public void writeBody(ByteBuf out) {
        // nothing after the fixed header
    }
}
