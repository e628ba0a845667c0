package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionValidationTest {

    @Test
    void subscribeWithoutFiltersIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(Hex.bytes("82 02 00 01"));

        assertEquals("SUBSCRIBE: at least one topic filter is required [MQTT-3.8.3-3]", failure.getMessage());
    }

    @Test
    void unsubscribeWithoutFiltersIsMalformed() {
        Codec.decodeFailure(Hex.bytes("A2 02 00 01"));
    }

    @Test
    void requestedQos3IsMalformed() {
        Codec.decodeFailure(packet(0x82).u16(1).string("a").u8(3).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x08, 0x80, 0xFC, 0x41})
    void requestedQosWithReservedBitsIsMalformed(int options) {
        Codec.decodeFailure(packet(0x82).u16(1).string("a").u8(options).build());
    }

    @Test
    void badSecondSubscriptionMakesTheWholePacketMalformed() {
        Codec.decodeFailure(packet(0x82).u16(1).string("a").u8(1).string("b").u8(3).build());
    }

    @Test
    void subackWithoutReturnCodesIsMalformed() {
        Codec.decodeFailure(Hex.bytes("90 02 00 01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03", "7F", "81", "FF"})
    void subackWithAReservedReturnCodeIsMalformed(String code) {
        Codec.decodeFailure(Hex.bytes("90 03 00 01 " + code));
    }

    @Test
    void connackWithReservedAcknowledgeFlagsIsMalformed() {
        Codec.decodeFailure(Hex.bytes("20 02 02 00"));
    }
}
