package io.culex.adapters.netty.codec;

import java.util.List;

/** SUBACK: one return code per requested filter (0x00, 0x01, 0x02 or 0x80). The list is copied. */
public record SubackPacket(int packetId, List<Integer> returnCodes) implements MqttPacket {

    public SubackPacket {
        FieldRanges.packetId(packetId);
        returnCodes = List.copyOf(returnCodes);
        for (int code : returnCodes) {
            FieldRanges.unsignedByte("returnCode", code);
        }
    }
}
