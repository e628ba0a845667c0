/**
 * The broker's MQTT 3.1 ("MQIsdp", level 3) and 3.1.1 ("MQTT", level 4) wire codec.
 *
 * <p>{@link io.culex.adapters.netty.codec.MqttDecoder} (one per channel) turns bytes into
 * {@link io.culex.adapters.netty.codec.MqttPacket} records and refuses anything the spec calls
 * malformed with {@link io.culex.adapters.netty.codec.MalformedPacketException};
 * {@link io.culex.adapters.netty.codec.MqttEncoder#INSTANCE} (shared) writes them back.
 *
 * <p>Decoding is split by job: {@code FixedHeader} frames, {@code BodyReader} reads fields
 * within the remaining length, {@code StrictUtf8} checks strings, and one {@code *Parser} per
 * packet type with a body knows its layout. Encoding mirrors it with {@code PacketWriter},
 * {@code ConnectWriter} and {@code WireFields}.
 */
package io.culex.adapters.netty.codec;
