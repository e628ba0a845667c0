package io.culex.application.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import io.culex.application.sys.TestBroker.Client;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each bridge's $SYS values, from fixed snapshots a test changes between updates. */
class BridgeSysTopicsTest {

    private static final String TOPICS = "$SYS/broker/bridges/";

    private final TestBroker test = new TestBroker();
    private final FakeClock clock = new FakeClock();
    private final AtomicReference<List<BridgeStatus>> bridges = new AtomicReference<>(List.of());
    private final SysTopicsPublisher publisher = new SysTopicsPublisher(test.broker, clock, "t", () -> 0L,
            bridges::get);

    private static BridgeStatus bridge(String name, BridgeState state, long sent, long queued) {
        return new BridgeStatus(name, state, "10.0.0.5:1883", state == BridgeState.CONNECTED ? 1_700_000_000_000L : 0,
                sent, 4, queued, 2, 3, 1, null);
    }

    private String value(String bridgeAndSuffix) {
        return test.retainedValue(TOPICS + bridgeAndSuffix);
    }

    @Test
    void everyBridgesStateAndCountersArePublishedRetained() {
        bridges.set(List.of(bridge("cloud", BridgeState.CONNECTED, 10, 0),
                bridge("backup", BridgeState.WAITING_TO_RETRY, 0, 7)));
        publisher.start();

        assertEquals("connected", value("cloud/state"));
        assertEquals("10", value("cloud/messages/sent"));
        assertEquals("4", value("cloud/messages/received"));
        assertEquals("0", value("cloud/messages/queued"));
        assertEquals("2", value("cloud/messages/dropped"));
        assertEquals("3", value("cloud/connects"));
        assertEquals("1", value("cloud/connect_failures"));
        assertEquals("waiting_to_retry", value("backup/state"));
        assertEquals("7", value("backup/messages/queued"));
        assertEquals(14, test.retainedCount(TOPICS + "#"), "seven topics per bridge");
    }

    @Test
    void onlyChangedValuesArePublishedAgain() {
        bridges.set(List.of(bridge("cloud", BridgeState.CONNECTING, 0, 0)));
        Client watcher = test.connect("watcher", true);
        watcher.subscribe(TOPICS + "#");
        publisher.start();
        assertEquals(7, watcher.received.size(), watcher.receivedTopics().toString());

        watcher.received.clear();
        clock.advanceSeconds(10);
        publisher.publish();
        assertEquals(List.of(), watcher.receivedTopics(), "nothing changed");

        bridges.set(List.of(bridge("cloud", BridgeState.CONNECTED, 5, 0)));
        clock.advanceSeconds(10);
        publisher.publish();
        assertEquals(List.of(TOPICS + "cloud/state", TOPICS + "cloud/messages/sent"), watcher.receivedTopics());
        assertEquals("connected", value("cloud/state"));
    }

    @Test
    void aBridgeThatIsGoneHasItsTopicsCleared() {
        bridges.set(List.of(bridge("cloud", BridgeState.CONNECTED, 1, 0), bridge("old", BridgeState.STOPPED, 0, 0)));
        publisher.start();
        assertEquals("stopped", value("old/state"));

        bridges.set(List.of(bridge("cloud", BridgeState.CONNECTED, 1, 0)));
        clock.advanceSeconds(10);
        publisher.publish();
        assertNull(value("old/state"));
        assertEquals(0, test.retainedCount(TOPICS + "old/#"));
        assertEquals(7, test.retainedCount(TOPICS + "#"));
    }

    @Test
    void aNameIsOneTopicLevelWhateverItContains() {
        bridges.set(List.of(bridge("site/a+b#", BridgeState.IDLE, 0, 0)));
        publisher.start();
        assertEquals("idle", value("site_a_b_/state"));
        assertEquals("_", BridgeSysTopics.topicLevel(""));
    }
}
