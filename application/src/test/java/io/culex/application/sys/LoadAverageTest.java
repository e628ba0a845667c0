package io.culex.application.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.sys.TestBroker.Client;
import org.junit.jupiter.api.Test;

/** Mosquitto's decaying per-minute loads, with the clock under the test's control. */
class LoadAverageTest {

    private final TestBroker test = new TestBroker();
    private final FakeClock clock = new FakeClock();
    private final SysTopicsPublisher publisher = new SysTopicsPublisher(test.broker, clock, "t", () -> 0L);

    private String load(String name, String window) {
        return test.retainedValue("$SYS/broker/load/" + name + "/" + window);
    }

    private void received(int publishes) {
        for (int i = 0; i < publishes; i++) {
            test.broker.metrics().messageReceived(10);
        }
    }

    @Test
    void everyLoadStartsAtZero() {
        publisher.start();
        for (String name : new String[] {"messages/received", "messages/sent", "publish/dropped", "publish/received",
                "publish/sent", "bytes/received", "bytes/sent", "sockets", "connections"}) {
            for (String window : new String[] {"1min", "5min", "15min"}) {
                assertEquals("0.00", load(name, window), name + "/" + window);
            }
        }
    }

    @Test
    void aSteadyMinuteOfTrafficMovesEachWindowByItsOwnDecay() {
        publisher.start();
        received(120);
        clock.advanceSeconds(60);
        publisher.publish();

        // rate 120/min; load = 120 + e^(-60/W) * (0 - 120)
        assertEquals("75.85", load("publish/received", "1min"));
        assertEquals("21.75", load("publish/received", "5min"));
        assertEquals("7.74", load("publish/received", "15min"));

        clock.advanceSeconds(60);
        publisher.publish();
        double oneMinute = 120 * (1 - Math.exp(-1)) * Math.exp(-1);
        assertEquals(LoadAverage.format(oneMinute), load("publish/received", "1min"), "decays with no traffic");
        assertEquals("27.91", load("publish/received", "1min"));
    }

    @Test
    void theRateIsPerMinuteWhateverTheInterval() {
        publisher.start();
        for (int step = 0; step < 200; step++) {
            received(5);
            clock.advanceSeconds(10);
            publisher.publish();
        }
        // 5 every 10 s is 30 a minute: each load is 30 * (1 - e^(-2000 / W)) after 2000 s.
        assertEquals("30.00", load("publish/received", "1min"));
        assertEquals(30 * (1 - Math.exp(-2000.0 / 300)), Double.parseDouble(load("publish/received", "5min")), 0.011);
        assertEquals(30 * (1 - Math.exp(-2000.0 / 900)), Double.parseDouble(load("publish/received", "15min")), 0.011);
    }

    @Test
    void aLoadCreepingTowardsItsRateKeepsBeingPublished() {
        publisher.start();
        for (int step = 0; step < 360; step++) {
            received(5);
            clock.advanceSeconds(10);
            publisher.publish();
        }
        // Each step moves the 15 minute load by under 0.01 near the end; Mosquitto would stop up to 0.9 short.
        double exact = 30 * (1 - Math.exp(-3600.0 / 900));
        assertEquals(exact, Double.parseDouble(load("publish/received", "15min")), 0.011);
    }

    @Test
    void aLoadWhoseTwoDecimalsDidNotChangeIsNotSentAgain() {
        Client watcher = test.connect("watcher", true);
        watcher.subscribe("$SYS/broker/load/publish/received/+");
        publisher.start();
        watcher.received.clear();

        clock.advanceSeconds(60);
        publisher.publish();
        assertEquals(0, watcher.received.size(), "no traffic: still 0.00 " + watcher.receivedTopics());

        for (int step = 0; step < 100; step++) {
            received(5);
            clock.advanceSeconds(10);
            publisher.publish();
        }
        assertEquals("30.00", load("publish/received", "1min"));
        watcher.received.clear();
        received(5);
        clock.advanceSeconds(10);
        publisher.publish();
        assertFalse(watcher.receivedTopics().contains("$SYS/broker/load/publish/received/1min"),
                "steady at 30.00: " + watcher.receivedTopics());
        assertTrue(watcher.receivedTopics().contains("$SYS/broker/load/publish/received/15min"), "still climbing");
    }

    @Test
    void socketsAndConnectionsCountAcceptsAndConnects() {
        publisher.start();
        for (int i = 0; i < 6; i++) {
            test.connect("c" + i, true);
        }
        clock.advanceSeconds(60);
        publisher.publish();
        String expected = LoadAverage.format(6 * (1 - Math.exp(-1)));
        assertEquals(expected, load("sockets", "1min"));
        assertEquals(expected, load("connections", "1min"));
    }

    @Test
    void anUpdateWithNoTimeElapsedKeepsItsTrafficForTheNext() {
        publisher.start();
        received(60);
        publisher.publish();
        assertEquals("0.00", load("publish/received", "1min"));
        clock.advanceSeconds(60);
        publisher.publish();
        assertEquals(LoadAverage.format(60 * (1 - Math.exp(-1))), load("publish/received", "1min"));
        assertNull(test.retainedValue("$SYS/broker/load/publish/received"));
    }

    @Test
    void publishedLoadsUseTwoDecimalsWithADot() {
        assertEquals("1234.57", LoadAverage.format(1234.5678));
        assertEquals("0.00", LoadAverage.format(0.004));
    }

}
