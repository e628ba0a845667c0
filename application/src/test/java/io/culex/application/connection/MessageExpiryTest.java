package io.culex.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.connection.TestClient.Publish;
import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Message Expiry Interval (MQTT 5, 3.3.2.3.3): forwarded as what is left of it, and a message
 * whose interval ran out before it could be sent is not sent at all.
 *
 * <p>The broker's clock cannot be injected, so one test waits for a 1 s interval to pass.
 */
class MessageExpiryTest {

    private final BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    @Test
    void aLiveMessageIsForwardedWithItsExpiryIntervalAndOneWithoutWithNone() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").expiry(60).qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("t").qos(QoS.AT_LEAST_ONCE, 2));
        assertEquals(List.of(60L, -1L), subscriber.expiries);
    }

    @Test
    void aRetainedMessageSentOnSubscribeIsForwardedWithWhatIsLeftOfItsInterval() {
        harness.v5("publisher").publish(Publish.to("t").retain().expiry(60));
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("t", QoS.AT_MOST_ONCE);
        long left = subscriber.expiries.get(0);
        assertTrue(left > 0 && left <= 60, "left: " + left);
    }

    @Test
    void messagesWhoseIntervalRanOutAreNeitherSentFromTheQueueNorAsRetainedMessages() throws InterruptedException {
        TestClient offline = harness.v5("offline", true, 600, null);
        offline.subscribe("queued/#", QoS.AT_LEAST_ONCE);
        offline.lose();
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("queued/short").expiry(1).qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("queued/long").expiry(60).qos(QoS.AT_LEAST_ONCE, 2));
        publisher.publish(Publish.to("queued/forever").qos(QoS.AT_LEAST_ONCE, 3));
        publisher.publish(Publish.to("retained/short").retain().expiry(1));
        publisher.publish(Publish.to("retained/long").retain().expiry(60));

        Thread.sleep(1_100); // past the 1 s interval: the broker's clock is the JVM's monotonic clock

        TestClient back = harness.v5("offline", false, 600, null);
        assertEquals("CONNACK 0 present", back.packets.get(0));
        assertEquals(List.of("queued/long", "queued/forever"), back.receivedTopics());
        long left = back.expiries.get(0);
        assertTrue(left >= 55 && left < 60, "the time spent queued is taken off the interval, left: " + left);
        assertEquals(-1L, back.expiries.get(1));

        TestClient late = harness.v5("late");
        late.subscribe("retained/#", QoS.AT_MOST_ONCE);
        assertEquals(List.of("retained/long"), late.receivedTopics());
    }

    @Test
    void aMessageStillInFlightWhenTheClientReconnectsIsResentWhateverItsExpiry() {
        // Onward delivery had started, so the copy is no longer the broker's to drop (MQTT 5, 3.3.2.3.3).
        TestClient subscriber = harness.v5("subscriber", true, 600, null);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        harness.v5("publisher").publish(Publish.to("t").expiry(60).qos(QoS.AT_LEAST_ONCE, 1));
        subscriber.lose();

        TestClient back = harness.v5("subscriber", false, 600, null);
        assertEquals(List.of("CONNACK 0 present", "PUBLISH 1 t dup"), back.packets);
    }
}
