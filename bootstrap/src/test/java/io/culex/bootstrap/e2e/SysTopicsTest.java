package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.PahoClients.Received;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The $SYS/broker tree over a real socket: values after known traffic, retained, hidden from wildcards. */
class SysTopicsTest extends BrokerTestSupport {

    private static final String SYS = "$SYS/broker/";

    /** The latest value of every $SYS topic a "$SYS/#" subscriber has seen. */
    private static final class SysView {
        final Client client;
        final Map<String, String> latest = new TreeMap<>();
        int uptimeUpdates;

        SysView(Client client) throws Exception {
            this.client = client;
            client.subscribe("$SYS/#", 0);
        }

        long number(String suffix) {
            String value = latest.get(SYS + suffix);
            return value == null ? -1 : Long.parseLong(value);
        }

        /** Polls until {@code condition} holds, for at most 15 s (sys_interval is 1 s). */
        void await(String what, Predicate<SysView> condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!condition.test(this)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(what + " never held; $SYS seen: " + latest);
                }
                Received message = client.nextOrNull(200);
                // Log lines (log_dest topic) are not retained and not part of the tree.
                if (message != null && !message.topic().startsWith("$SYS/broker/log/")) {
                    latest.put(message.topic(), message.payload());
                    if (message.topic().equals(SYS + "uptime")) {
                        uptimeUpdates++;
                    }
                }
            }
        }
    }

    @Test
    void valuesFollowKnownTrafficAndWildcardSubscribersNeverSeeThem() throws Exception {
        startBroker("sys_interval 1");
        SysView sys = new SysView(clients.connect("sys-watcher", PahoClients.MQTT_3_1_1, true));
        Client everything = clients.connect("everything", PahoClients.MQTT_3_1_1, true);
        everything.subscribe("#", 0);
        everything.subscribe("+/broker/#", 0);
        Client persistent = clients.connect("persistent", PahoClients.MQTT_3_1_1, false);
        persistent.subscribe("nothing/here", 1);
        persistent.paho.disconnect();

        Client publisher = clients.connect("publisher", PahoClients.MQTT_3_1_1, true);
        int live = 20;
        int retained = 5;
        for (int i = 0; i < live; i++) {
            publisher.publish("data/live", "m" + i, 1, false);
        }
        for (int i = 0; i < retained; i++) {
            publisher.publish("data/retained/" + i, "r" + i, 1, true);
        }

        sys.await("publish/messages/received >= " + (live + retained),
                view -> view.number("publish/messages/received") >= live + retained);
        sys.await("clients/connected == 3", view -> view.number("clients/connected") == 3);
        sys.await("clients/disconnected == 1", view -> view.number("clients/disconnected") == 1);
        sys.await("clients/total == 4", view -> view.number("clients/total") == 4);
        // Every $SYS value is itself retained, so the count is the client's plus the tree's own topics.
        sys.await("retained messages/count == " + retained + " + the $SYS topics",
                view -> view.number("retained messages/count") == retained + view.latest.size());
        sys.await("subscriptions/count == 4", view -> view.number("subscriptions/count") == 4);

        assertTrue(sys.number("messages/received") > sys.number("publish/messages/received"), "every packet type counts");
        assertTrue(sys.number("bytes/received") > sys.number("publish/bytes/received"), "headers count in bytes/received");
        assertTrue(sys.number("bytes/sent") > 0);
        assertTrue(sys.number("heap/current") > 0);
        assertTrue(sys.number("heap/maximum") > 0);
        assertTrue(sys.latest.get(SYS + "uptime").matches("\\d+ seconds"), sys.latest.get(SYS + "uptime"));
        assertTrue(sys.latest.get(SYS + "load/publish/received/1min").matches("\\d+\\.\\d\\d"));

        int seen = sys.uptimeUpdates;
        sys.await("two more updates", view -> view.uptimeUpdates >= seen + 2);
        List<String> wildcardTopics = everything.inbox.stream().map(Received::topic).toList();
        assertTrue(wildcardTopics.stream().noneMatch(topic -> topic.startsWith("$")), wildcardTopics.toString());
        assertEquals(live + retained, wildcardTopics.size(), wildcardTopics.toString());
    }

    @Test
    void eachBridgeHasItsStateAndCountersUnderBridgesAndTheyFollowChanges() throws Exception {
        FixedBridges bridges = FixedBridges.cloudAndBackup();
        startBroker(bridges, "sys_interval 1");
        SysView sys = new SysView(clients.connect("sys-watcher", PahoClients.MQTT_3_1_1, true));
        // Retained values reach a new subscriber in no particular order: wait for all seven of each bridge.
        sys.await("both bridges published", view -> view.latest.keySet().stream()
                .filter(topic -> topic.startsWith(SYS + "bridges/")).count() == 14);

        assertEquals("connected", sys.latest.get(SYS + "bridges/cloud/state"));
        assertEquals(120, sys.number("bridges/cloud/messages/sent"));
        assertEquals(45, sys.number("bridges/cloud/messages/received"));
        assertEquals(3, sys.number("bridges/cloud/messages/queued"));
        assertEquals(2, sys.number("bridges/cloud/messages/dropped"));
        assertEquals(4, sys.number("bridges/cloud/connects"));
        assertEquals(1, sys.number("bridges/cloud/connect_failures"));
        assertEquals("waiting_to_retry", sys.latest.get(SYS + "bridges/backup/state"));
        assertEquals(17, sys.number("bridges/backup/messages/queued"));
        assertEquals(9, sys.number("bridges/backup/connects"));

        bridges.set(FixedBridges.CLOUD, new BridgeStatus("backup", BridgeState.CONNECTED, "[fd00::7]:1883",
                FixedBridges.CONNECTED_SINCE, 17, 0, 0, 5, 10, 9, null));
        sys.await("backup connected", view -> "connected".equals(view.latest.get(SYS + "bridges/backup/state")));
        sys.await("its queue sent", view -> view.number("bridges/backup/messages/sent") == 17
                && view.number("bridges/backup/messages/queued") == 0);

        // A bridge removed by a reload: its retained values go, a late subscriber sees none of them.
        bridges.set(FixedBridges.CLOUD);
        sys.await("backup cleared", view -> "".equals(view.latest.get(SYS + "bridges/backup/state")));
        Client late = clients.connect("late", PahoClients.MQTT_3_1_1, true);
        late.subscribe("$SYS/broker/bridges/+/state", 0);
        Received only = late.next();
        assertEquals(SYS + "bridges/cloud/state", only.topic());
        assertTrue(only.retained());
        assertNull(late.nextOrNull(500), "no retained state of the removed bridge");
    }

    @Test
    void sysValuesAreRetainedAtQosZeroForLateSubscribers() throws Exception {
        startBroker("sys_interval 1");
        Client late = clients.connect("late", PahoClients.MQTT_3_1_1, true);
        late.subscribe("$SYS/broker/version", 1);
        Received version = late.next();
        assertTrue(version.payload().startsWith("culex version "), version.payload());
        assertTrue(version.retained());
        assertEquals(0, version.qos(), "published at QoS 0, so delivered at QoS 0");
    }

    @Test
    void sysIntervalZeroPublishesNothing() throws Exception {
        startBroker("sys_interval 0");
        Client watcher = clients.connect("watcher", PahoClients.MQTT_3_1_1, true);
        watcher.subscribe("$SYS/#", 0);
        assertNull(watcher.nextOrNull(1_500));
        assertEquals(0, broker.broker().broker().retainedCount());
    }
}
