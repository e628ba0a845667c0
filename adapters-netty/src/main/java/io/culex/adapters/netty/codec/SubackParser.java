package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the SUBACK body: packet id, then one return code per requested filter. */
final class SubackParser {

    private SubackParser() {}

    static SubackPacket parse(BodyReader body) {
        int packetId = body.readPacketId();
        List<Integer> returnCodes = new ArrayList<>();
        while (body.hasMore()) {
            int code = body.readUnsignedByte("return code");
            if (!FieldRanges.isDefinedSubackCode(code)) {
                throw body.malformed("return code 0x" + Integer.toHexString(code) + " is reserved");
            }
            returnCodes.add(code);
        }
        if (returnCodes.isEmpty()) {
            throw body.malformed("at least one return code is required");
        }
        return new SubackPacket(packetId, returnCodes);
    }
}
