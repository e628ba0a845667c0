package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The boundary values of 3.1.1 table 2.4. */
class RemainingLengthTest {

    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "127, 7F",
        "128, 80 01",
        "16383, FF 7F",
        "16384, 80 80 01",
        "2097151, FF FF 7F",
        "2097152, 80 80 80 01",
        "268435455, FF FF FF 7F"
    })
    void encodesAndParsesTheSpecExamples(int value, String hex) {
        ByteBuf out = Unpooled.buffer();
        RemainingLength.write(out, value);

        assertEquals(hex, Hex.of(ByteBufUtil.getBytes(out)));
        assertEquals(Hex.bytes(hex).length, RemainingLength.size(value));

        ByteBuf header = Unpooled.wrappedBuffer(Hex.concat(Hex.bytes("30"), Hex.bytes(hex)));
        FixedHeader parsed = FixedHeader.peek(header, RemainingLength.MAX_VALUE, MqttCodec.MQTT_3_1_1);
        assertEquals(value, parsed.remainingLength());
        assertEquals(1 + Hex.bytes(hex).length, parsed.headerLength());
        assertEquals(0, header.readerIndex(), "peek must not consume");
    }
}
