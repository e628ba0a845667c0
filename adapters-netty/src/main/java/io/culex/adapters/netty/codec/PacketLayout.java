package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/**
 * A packet measured for the wire in one protocol version: its first byte and remaining length are
 * known (and the packet validated) before anything is written, so {@link PacketWriter} can
 * allocate the exact size once, or report that size without writing.
 */
interface PacketLayout {

    int firstByte();

    int remainingLength();

    /** Writes exactly {@link #remainingLength()} bytes. */
    void writeBody(ByteBuf out);
}
