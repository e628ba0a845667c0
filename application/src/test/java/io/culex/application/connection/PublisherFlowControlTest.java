package io.culex.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.metrics.DropReason;
import io.culex.application.session.BacklogMarks;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.SessionLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flow control from a slow subscriber back to its publishers: reading from a publisher pauses while a
 * connected session it publishes to is behind (its queue at the high mark, or its socket unwritable),
 * and resumes once that session has caught up (down to the low mark), goes offline or ends.
 */
class PublisherFlowControlTest {

    private static final int WINDOW = 10;
    private static final int HIGH = BacklogMarks.DEFAULT.highMessages();
    private static final int LOW = BacklogMarks.DEFAULT.lowMessages();

    private BrokerHarness harness = new BrokerHarness(unlimitedQueues(Integer.MAX_VALUE));

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    private static BrokerSettings unlimitedQueues(int maxQueuedMessages) {
        return BrokerHarness.settings(new SessionLimits(WINDOW, maxQueuedMessages, Long.MAX_VALUE, false));
    }

    @Test
    void aPublisherPausesWhenASubscribersQueueReachesTheHighMarkAndResumesAtTheLowMark() {
        TestClient subscriber = harness.v311("slow", true);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v311("fast", true);

        publish(publisher, WINDOW + HIGH - 1);
        assertFalse(publisher.readingPaused, "one message below the high mark");
        publish(publisher, 1);
        assertTrue(publisher.readingPaused, "queue at the high mark");
        assertEquals(WINDOW + HIGH, publisher.packets("PUBACK").size(), "every message read is acknowledged");

        int acked = acknowledge(subscriber, 0, HIGH - LOW - 1);
        assertTrue(publisher.readingPaused, "one message above the low mark");
        acknowledge(subscriber, acked, 1);
        assertFalse(publisher.readingPaused, "queue down to the low mark");
        assertEquals(1, publisher.pauses);
    }

    @Test
    void aSessionOnItsWayDownToTheLowMarkDoesNotPauseAPublisherAnotherSessionWoke() {
        TestClient first = harness.v311("first", true);
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient second = harness.v311("second", true);
        second.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v311("fast", true);
        publish(publisher, WINDOW + HIGH);
        assertTrue(publisher.readingPaused, "both full");

        acknowledge(second, 0, 2);
        assertTrue(publisher.readingPaused, "second is not full any more, but has not caught up");
        acknowledge(first, 0, HIGH - LOW);
        assertFalse(publisher.readingPaused, "first caught up and woke it");
        publish(publisher, 1);

        assertFalse(publisher.readingPaused, "second is below its high mark: no reason to pause");
        publish(publisher, 1);
        assertTrue(publisher.readingPaused, "second is full again");
    }

    @Test
    void aPausedPublisherResumesWhenTheSlowSubscriberDisconnects() {
        TestClient subscriber = harness.v311("slow", true);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v311("fast", true);
        publish(publisher, WINDOW + HIGH);
        assertTrue(publisher.readingPaused);

        subscriber.lose();

        assertFalse(publisher.readingPaused);
    }

    @Test
    void anOfflinePersistentSessionPausesNobodyAndItsQueueLimitDropsAndCounts() {
        harness.close();
        harness = new BrokerHarness(unlimitedQueues(3 * HIGH));
        TestClient subscriber = harness.v311("offline", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v311("fast", true);
        publish(publisher, WINDOW + HIGH);
        assertTrue(publisher.readingPaused);

        subscriber.lose();
        assertFalse(publisher.readingPaused, "woken when the session went offline");
        publish(publisher, 3 * HIGH);

        assertFalse(publisher.readingPaused, "an offline queue keeps the max_queued_messages policy instead");
        assertEquals(HIGH, harness.broker.metrics().messagesDropped(DropReason.QUEUE_FULL));
    }

    @Test
    void aClientPublishingToItsOwnSubscriptionIsNeverPaused() {
        TestClient loop = harness.v311("loop", true);
        loop.subscribe("t", QoS.AT_LEAST_ONCE);

        publish(loop, WINDOW + 2 * HIGH);

        assertEquals(0, loop.pauses, "it must keep reading: its own acknowledgements drain its queue");
    }

    @Test
    void aPausedPublisherReadsAgainWhenItsOwnSessionFallsBehindAndNoCycleOfPausesForms() {
        TestClient a = harness.v311("a", true);
        a.subscribe("to-a", QoS.AT_LEAST_ONCE);
        TestClient b = harness.v311("b", true);
        b.subscribe("to-b", QoS.AT_LEAST_ONCE);

        publish(a, "to-b", WINDOW + HIGH);
        assertTrue(a.readingPaused, "b is behind");
        publish(b, "to-a", WINDOW + HIGH);

        assertFalse(a.readingPaused, "a must read its own acknowledgements now");
        assertFalse(b.readingPaused, "b's own session is behind: b keeps reading too");
    }

    @Test
    void qos0ToAnUnwritableSubscriberWaitsAndPausesThePublisherUntilTheSocketDrains() {
        TestClient subscriber = harness.v311("slow", true);
        subscriber.subscribe("t", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v311("fast", true);
        publisher.publish("t", "1", QoS.AT_MOST_ONCE);
        assertFalse(publisher.readingPaused);

        subscriber.writable = false;
        publisher.publish("t", "2", QoS.AT_MOST_ONCE);
        assertTrue(publisher.readingPaused);

        subscriber.writable = true;
        subscriber.connection.writable();
        assertFalse(publisher.readingPaused);
        assertEquals(java.util.List.of("1", "2"), subscriber.receivedPayloads(), "the copy waited instead of being dropped");
    }

    @Test
    void messagesFromTheBrokerItselfPauseNobody() {
        TestClient subscriber = harness.v311("slow", true);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v311("fast", true);
        for (int i = 0; i < WINDOW + HIGH; i++) {
            harness.broker.publishFromBroker(new Message("t", new byte[] {1}, QoS.AT_LEAST_ONCE, false));
        }
        publish(publisher, 1);
        assertTrue(publisher.readingPaused, "the subscriber is behind");
    }

    private static void publish(TestClient publisher, int count) {
        publish(publisher, "t", count);
    }

    private static void publish(TestClient publisher, String topic, int count) {
        for (int i = 0; i < count; i++) {
            publisher.publish(topic, "m", QoS.AT_LEAST_ONCE);
        }
    }

    /**
     * Acknowledges {@code count} PUBLISHes the subscriber received, from the {@code from}th on (each
     * acknowledgement lets the broker send the next queued one). @return the index after the last one
     */
    private static int acknowledge(TestClient subscriber, int from, int count) {
        for (int i = from; i < from + count; i++) {
            String[] publish = subscriber.packets("PUBLISH").get(i).split(" ");
            subscriber.connection.puback(Integer.parseInt(publish[1]));
        }
        return from + count;
    }
}
