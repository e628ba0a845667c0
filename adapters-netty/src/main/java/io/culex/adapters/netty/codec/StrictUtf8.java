package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes MQTT strings as the spec demands (3.1.1 section 1.5.3): well-formed UTF-8 only, so
 * overlong forms, encoded surrogates (U+D800..U+DFFF) and code points past U+10FFFF are refused,
 * and U+0000 is refused too.
 *
 * <p>Holds a {@link CharsetDecoder}, which is stateful: use one instance per channel.
 */
final class StrictUtf8 {

    // Made at the first non-ASCII string: most clients never send one, and an idle connection then holds none.
    private CharsetDecoder decoder;

    /**
     * @return the string, or {@code null} if the bytes are not a valid MQTT string
     */
    String decodeOrNull(ByteBuf buf, int index, int length) {
        boolean ascii = true;
        for (int i = index, end = index + length; i < end; i++) {
            byte b = buf.getByte(i);
            // U+0000 can only be the byte 0x00: its overlong forms are malformed anyway.
            if (b == 0) {
                return null;
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            return buf.toString(index, length, StandardCharsets.US_ASCII);
        }
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return decoder.decode(buf.nioBuffer(index, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
