package io.culex.adapters.file.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobCodecTest {

    private final BlobCodec codec = new BlobCodec();

    private static StoredMessage bare(String topic) {
        return new StoredMessage(topic, new byte[0], QoS.AT_MOST_ONCE, false, MessageProperties.NONE,
                StoredMessage.NEVER, null);
    }

    @Test
    void everyFieldRoundTrips() {
        MessageProperties properties = new MessageProperties(-7, "", "r/😀", new byte[0],
                List.of(new UserProperty("", ""), new UserProperty("k", "ä€"), new UserProperty("k", "v")));
        StoredMessage message = new StoredMessage("a/€/b", "payload".getBytes(StandardCharsets.UTF_8),
                QoS.EXACTLY_ONCE, true, properties, Long.MIN_VALUE, "");
        StoredDelivery delivery = new StoredDelivery(message, QoS.AT_LEAST_ONCE, true,
                List.of(1, 127, 128, 268_435_455, Integer.MAX_VALUE));
        assertEquals(delivery, BlobCodec.decodeDelivery(codec.encode(delivery)));
        assertEquals(message, BlobCodec.decodeMessage(codec.encode(message)));
        StoredMessage onlyOneProperty = new StoredMessage("t", new byte[] {1}, QoS.AT_LEAST_ONCE, false,
                new MessageProperties(null, null, null, new byte[] {0, (byte) 0xFF}, List.of()), 5, null);
        assertEquals(onlyOneProperty, BlobCodec.decodeMessage(codec.encode(onlyOneProperty)));
    }

    @Test
    void aBareMessageIsCompact() {
        byte[] blob = codec.encode(new StoredDelivery(bare("t"), QoS.AT_MOST_ONCE, false, List.of()));
        // version, delivery flags, id count, message flags, topic length, topic, payload length
        assertEquals(7, blob.length, Arrays.toString(blob));
        assertEquals(bare("t"), BlobCodec.decodeMessage(codec.encode(bare("t"))));
    }

    @Test
    void theBufferIsReusedWithoutLeakingIntoTheNextRecord() {
        StoredMessage big = new StoredMessage("big", new byte[100_000], QoS.AT_LEAST_ONCE, false,
                MessageProperties.NONE, StoredMessage.NEVER, "x");
        assertEquals(big, BlobCodec.decodeMessage(codec.encode(big)));
        assertEquals(bare("small"), BlobCodec.decodeMessage(codec.encode(bare("small"))));
    }

    @Test
    void aDamagedOrForeignRecordIsRefusedWithAReason() {
        byte[] blob = codec.encode(new StoredDelivery(bare("topic"), QoS.AT_LEAST_ONCE, false, List.of(3)));
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> BlobCodec.decodeDelivery(Arrays.copyOf(blob, blob.length - 2)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> BlobCodec.decodeDelivery(Arrays.copyOf(blob, blob.length + 1)));
        assertTrue(trailing.getMessage().contains("after its end"), trailing.getMessage());
        byte[] future = blob.clone();
        future[0] = (byte) (BlobCodec.VERSION + 1);
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> BlobCodec.decodeDelivery(future));
        assertTrue(version.getMessage().contains("version"), version.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlobCodec.decodeMessage(new byte[0]));
    }
}
