/**
 * The broker's MQTT wire codec: 3.1 ("MQIsdp", level 3), 3.1.1 ("MQTT", level 4) and 5.0
 * ("MQTT", level 5).
 *
 * <p>{@link io.culex.adapters.netty.codec.MqttDecoder} (one per channel) turns bytes into
 * {@link io.culex.adapters.netty.codec.MqttPacket} records and refuses anything the spec forbids
 * with {@link io.culex.adapters.netty.codec.MalformedPacketException};
 * {@link io.culex.adapters.netty.codec.MqttEncoder#INSTANCE} (shared) writes them back.
 *
 * <h2>Protocol level per channel</h2>
 * The level lives in the channel attribute {@link io.culex.adapters.netty.codec.MqttCodec#PROTOCOL_LEVEL}
 * and both handlers read it for every packet. It is set by the CONNECT that crosses the channel:
 * the decoder sets it when it decodes one of a level it speaks (server side), the encoder when it
 * writes one (client side). A client may also set it up front with
 * {@link io.culex.adapters.netty.codec.MqttCodec#setProtocolLevel} or the decoder's level
 * constructor. Unset, it is 4, so a CONNECT of an unknown level is decoded up to its level and
 * answered in the 3.1.1 layout. On 3.x the encoder leaves out what 3.x cannot carry: properties,
 * and reason codes except the CONNACK return code and SUBACK codes (MQTT 5 SUBACK failure codes
 * become 0x80); AUTH cannot be written there and type 15 stays reserved when decoding.
 * {@link io.culex.adapters.netty.codec.PacketWriter#encodedLength} gives a packet's size at a level
 * without writing it.
 *
 * <h2>MQTT 5 error codes</h2>
 * {@link io.culex.adapters.netty.codec.MalformedPacketException#reasonCode()} follows the spec's
 * wording: bytes that cannot be parsed as the packet's layout, a reserved bit set, an unknown
 * property or one the packet may not carry (CONNECT and will properties are told apart) are
 * 0x81 Malformed Packet; well-formed fields holding a value the spec forbids are 0x82 Protocol
 * Error: a property given twice (except User Property, and Subscription Identifier on PUBLISH), a
 * property value out of its range, a reason code outside its packet type's table (as Mosquitto
 * does), Maximum QoS or Retain Handling 3 in the subscription options, SUBSCRIBE/UNSUBSCRIBE
 * without filters, an empty PUBLISH topic without a Topic Alias. A remaining length over the
 * decoder's limit is 0x95 Packet Too Large. Rules that need session state (Topic Alias 0 or over
 * the maximum, Receive Maximum exceeded, payload not matching its format indicator) are the
 * broker's: the codec decodes those values as sent.
 *
 * <h2>Structure</h2>
 * Decoding is split by job: {@code FixedHeader} frames, {@code BodyReader} reads fields within
 * the remaining length, {@code StrictUtf8} checks strings, {@code PropertiesParser} reads property
 * lists, and one {@code *Parser} per packet layout knows it. Encoding mirrors it: a
 * {@code PacketLayout} per packet layout measures and validates the packet (with
 * {@code PropertiesLayout} for its properties and {@code WireFields} for shared field encodings),
 * then {@code PacketWriter} allocates the exact size once and has the layout write it.
 */
package io.culex.adapters.netty.codec;
