package io.culex.application.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.sys.TestBroker.Client;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The $SYS tree published by a real application broker after known traffic, with time driven by hand. */
class SysTopicsPublisherTest {

    private final TestBroker test = new TestBroker();
    private final FakeClock clock = new FakeClock();
    private final AtomicLong heap = new AtomicLong(4_000);
    private final SysTopicsPublisher publisher = new SysTopicsPublisher(test.broker, clock, "1.2.3", heap::get);

    private String value(String suffix) {
        return test.retainedValue("$SYS/broker/" + suffix);
    }

    @Test
    void versionAndUptimeFollowTheClock() {
        publisher.start();
        assertEquals("culex version 1.2.3", value("version"));
        assertEquals("0 seconds", value("uptime"));

        clock.advanceSeconds(10.9);
        publisher.publish();
        assertEquals("10 seconds", value("uptime"), "whole seconds, rounded down");
        clock.advanceSeconds(3600);
        publisher.publish();
        assertEquals("3610 seconds", value("uptime"));
    }

    @Test
    void everyValueIsRetainedAtQosZero() {
        Client watcher = test.connect("watcher", true);
        watcher.subscribe("$SYS/#");
        publisher.start();

        assertTrue(watcher.received.size() > 40, "the whole tree at start: " + watcher.receivedTopics());
        for (Message message : watcher.received) {
            assertEquals(QoS.AT_MOST_ONCE, message.qos(), message.topic());
            assertTrue(message.retain(), message.topic());
            assertTrue(message.topic().startsWith("$SYS/broker/"), message.topic());
        }
    }

    @Test
    void publishAndClientCountsAfterKnownTraffic() {
        publisher.start();
        Client subscriber = test.connect("sub", true);
        subscriber.subscribe("a/#");
        Client offline = test.connect("offline", false);
        offline.subscribe("x/y");
        offline.connection.disconnect();
        Client publisherClient = test.connect("pub", true);
        publisherClient.publish("a/1", "hello", QoS.AT_MOST_ONCE, false);
        publisherClient.publish("a/2", "world", QoS.AT_LEAST_ONCE, true);
        publisherClient.publish("b/1", "12345", QoS.EXACTLY_ONCE, false);

        clock.advanceSeconds(10);
        publisher.publish();

        assertEquals("3", value("publish/messages/received"));
        assertEquals("15", value("publish/bytes/received"));
        assertEquals("2", value("publish/messages/sent"), "a/1 and a/2 reach the subscriber; b/1 nobody");
        assertEquals("10", value("publish/bytes/sent"));
        assertEquals("0", value("publish/messages/dropped"));
        assertEquals("2", value("clients/connected"));
        assertEquals("2", value("clients/active"));
        assertEquals("1", value("clients/disconnected"), "the persistent session whose client left");
        assertEquals("1", value("clients/inactive"));
        assertEquals("3", value("clients/total"));
        assertEquals("3", value("clients/maximum"));
        assertEquals("0", value("clients/expired"));
        assertEquals("2", value("subscriptions/count"), "the offline persistent session keeps its subscription");

        publisherClient.connection.disconnect();
        clock.advanceSeconds(10);
        publisher.publish();
        assertEquals("1", value("clients/connected"));
        assertEquals("2", value("clients/total"));
        assertEquals("3", value("clients/maximum"), "the highest total seen");
    }

    @Test
    void retainedAndStoreCountsIncludeTheSysTreeItself() {
        publisher.start();
        Client client = test.connect("pub", true);
        client.publish("r/1", "one", QoS.AT_MOST_ONCE, true);
        client.publish("r/2", "two", QoS.AT_MOST_ONCE, true);
        client.publish("r/2", "", QoS.AT_MOST_ONCE, true);

        clock.advanceSeconds(10);
        publisher.publish();
        // Every $SYS topic was retained at start, before this update read the count (as in Mosquitto).
        String expected = Integer.toString(1 + test.retainedCount("$SYS/#"));
        assertEquals(expected, value("retained messages/count"));
        assertEquals(expected, value("messages/stored"));
        assertEquals(expected, value("store/messages/count"));

        long before = Long.parseLong(value("store/messages/bytes"));
        client.publish("r/big", "x".repeat(1000), QoS.AT_MOST_ONCE, true);
        clock.advanceSeconds(10);
        publisher.publish();
        long grown = Long.parseLong(value("store/messages/bytes")) - before;
        assertTrue(grown >= 1000 && grown < 1100, "1000 payload bytes plus the changed $SYS values: " + grown);
    }

    @Test
    void transportCountersArePublishedAsReported() {
        publisher.start();
        test.broker.metrics().packetReceived();
        test.broker.metrics().packetReceived();
        test.broker.metrics().packetSent();
        test.broker.metrics().bytesReceived(120);
        test.broker.metrics().bytesSent(7);
        clock.advanceSeconds(10);
        publisher.publish();

        assertEquals("2", value("messages/received"));
        assertEquals("1", value("messages/sent"));
        assertEquals("120", value("bytes/received"));
        assertEquals("7", value("bytes/sent"));
    }

    @Test
    void heapCurrentAndTheLargestSeen() {
        publisher.start();
        assertEquals("4000", value("heap/current"));
        heap.set(9_000);
        publisher.publish();
        heap.set(3_000);
        publisher.publish();
        assertEquals("3000", value("heap/current"));
        assertEquals("9000", value("heap/maximum"));
    }

    @Test
    void unchangedValuesAreNotSentAgainButUptimeIs() {
        Client watcher = test.connect("watcher", true);
        watcher.subscribe("$SYS/broker/uptime");
        watcher.subscribe("$SYS/broker/clients/total");
        watcher.subscribe("$SYS/broker/version");
        watcher.subscribe("$SYS/broker/load/connections/1min");
        publisher.start();
        assertEquals(List.of("$SYS/broker/version", "$SYS/broker/uptime", "$SYS/broker/clients/total",
                "$SYS/broker/load/connections/1min"), watcher.receivedTopics());

        watcher.received.clear();
        clock.advanceSeconds(10);
        publisher.publish();
        clock.advanceSeconds(10);
        publisher.publish();
        assertEquals(List.of("$SYS/broker/uptime", "$SYS/broker/uptime"), watcher.receivedTopics());

        watcher.received.clear();
        test.connect("another", true);
        clock.advanceSeconds(10);
        publisher.publish();
        assertEquals(List.of("$SYS/broker/uptime", "$SYS/broker/clients/total", "$SYS/broker/load/connections/1min"),
                watcher.receivedTopics());
    }

    @Test
    void disconnectedPersistentSessionsAndSysTopicsAreNotSeenByWildcardSubscribers() {
        Client everything = test.connect("everything", true);
        everything.subscribe("#");
        everything.subscribe("+/broker/#");
        publisher.start();
        clock.advanceSeconds(10);
        publisher.publish();
        assertTrue(everything.received.isEmpty(), "$-topics are not matched by leading wildcards: "
                + everything.receivedTopics());
        assertNotNull(value("version"));
    }

    @Test
    void publishBeforeStartOrStartingTwiceIsAMistake() {
        assertThrows(IllegalStateException.class, publisher::publish);
        publisher.start();
        assertThrows(IllegalStateException.class, publisher::start);
        assertFalse(value("version").isEmpty());
    }
}
