package io.culex.adapters.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private static final MessageProperties FULL = new MessageProperties(1, "text/plain", "replies/x",
            new byte[] {0, 1, (byte) 0xFF}, List.of(new UserProperty("k", "v"), new UserProperty("k", "w"),
            new UserProperty("", "")));

    private static StoredMessage message(MessageProperties properties, long expiresAt, String origin) {
        return new StoredMessage("a/b", "héllo".getBytes(StandardCharsets.UTF_8), QoS.EXACTLY_ONCE, true,
                properties, expiresAt, origin);
    }

    @Test
    void deliveriesRoundTripWithEveryField() {
        List<StoredDelivery> deliveries = List.of(
                new StoredDelivery(message(FULL, 1_900_000_000_000L, "origin"), QoS.AT_LEAST_ONCE, true,
                        List.of(1, 127, 128, 268_435_455)),
                new StoredDelivery(message(MessageProperties.NONE, StoredMessage.NEVER, null), QoS.AT_MOST_ONCE,
                        false, List.of()),
                new StoredDelivery(message(new MessageProperties(0, null, null, null, List.of()), -1, ""),
                        QoS.EXACTLY_ONCE, false, List.of()),
                new StoredDelivery(message(new MessageProperties(null, "", "", new byte[0], List.of()), 0, "o"),
                        QoS.EXACTLY_ONCE, false, List.of()));
        for (StoredDelivery delivery : deliveries) {
            assertEquals(delivery, Values.queued(Values.queued(delivery)));
            byte[] flight = Values.flight(65_535, delivery);
            assertEquals(65_535, Values.flightPacketId(flight));
            assertEquals(delivery, Values.flightDelivery(flight));
            assertEquals(delivery.message(), Values.retained("a/b", Values.retained(delivery.message())));
        }
    }

    @Test
    void absentAndEmptyPropertiesStayDistinct() {
        StoredMessage zeroIndicator = message(new MessageProperties(0, null, null, null, List.of()), 5, null);
        StoredMessage emptyCorrelation = message(new MessageProperties(null, null, null, new byte[0], List.of()), 5,
                null);
        assertNotEquals(MessageProperties.NONE, Values.retained("a/b", Values.retained(zeroIndicator)).properties());
        assertEquals(zeroIndicator, Values.retained("a/b", Values.retained(zeroIndicator)));
        assertEquals(emptyCorrelation, Values.retained("a/b", Values.retained(emptyCorrelation)));
    }

    @Test
    void subscriptionsRoundTripWithEveryOption() {
        for (QoS qos : QoS.values()) {
            for (RetainHandling handling : RetainHandling.values()) {
                for (int flags = 0; flags < 4; flags++) {
                    Subscription subscription = new Subscription("$share/g/x/#", qos, (flags & 1) != 0,
                            (flags & 2) != 0, handling, flags * 100_000);
                    assertEquals(subscription,
                            Values.subscription("$share/g/x/#", Values.subscription(subscription)));
                }
            }
        }
    }

    @Test
    void sessionsRoundTrip() {
        for (long value : new long[] {0, 1, 4_294_967_295L, Long.MAX_VALUE, -1}) {
            assertEquals(new Values.SessionValue(value, 1_700_000_000_123L),
                    Values.session(Values.session(value, 1_700_000_000_123L)));
        }
        assertEquals(7, Values.format(Values.format(7)));
    }

    @Test
    void aQueuedHundredByteMessageCostsFewBytesMore() {
        StoredMessage message = new StoredMessage("sensors/42/temp", new byte[100], QoS.AT_LEAST_ONCE, false,
                MessageProperties.NONE, StoredMessage.NEVER, "publisher-1");
        int size = Values.queued(new StoredDelivery(message, QoS.AT_LEAST_ONCE, false, List.of())).length;
        assertTrue(size <= 100 + 15 + 11 + 8, "encoded in " + size + " bytes");
    }

    @Test
    void unknownTruncatedOrOverlongValuesAreRefused() {
        byte[] good = Values.queued(new StoredDelivery(message(FULL, 5, "o"), QoS.AT_LEAST_ONCE, false, List.of(1)));
        byte[] otherVersion = good.clone();
        otherVersion[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> Values.queued(otherVersion));
        assertThrows(IllegalArgumentException.class, () -> Values.queued(new byte[0]));
        for (int length = 1; length < good.length; length++) {
            byte[] truncated = Arrays.copyOf(good, length);
            assertThrows(IllegalArgumentException.class, () -> Values.queued(truncated), "cut at " + length);
        }
        assertThrows(IllegalArgumentException.class, () -> Values.queued(Arrays.copyOf(good, good.length + 1)));
        byte[] hugeCount = {Values.VERSION, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertThrows(IllegalArgumentException.class, () -> Values.queued(hugeCount));
    }
}
