package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Over real sockets: the bridge's notification topic on both brokers, and its queue across a local restart. */
@Timeout(60)
class BridgeStateAndRestartTest {

    private static final String STATE = "$SYS/broker/connection/e2e-bridge/state";

    @TempDir
    Path localStore;

    @Test
    void notificationsSayOneWhileConnectedAndTheWillSaysZeroWhenTheBridgeGoes() throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             BridgeClients clients = new BridgeClients()) {
            Client watcher = clients.connect(remote, "watcher", true);
            watcher.subscribe(STATE, 1);
            BridgeTestBroker local = BridgeTestBroker.start(0, "connection e2e",
                    "address 127.0.0.1:" + remote.port(), "remote_clientid e2e-bridge", "topic x/# out 1");
            try {
                local.awaitBridgeConnected();
                assertEquals(new Received(STATE, "1", 1), watcher.next());
                Client localWatcher = clients.connect(local, "local-watcher", true);
                localWatcher.subscribe(STATE, 1);
                assertEquals(new Received(STATE, "1", 1), localWatcher.next(), "retained locally");
            } finally {
                local.close();
            }
            assertEquals(new Received(STATE, "0", 1), watcher.next(), "the bridge's will on the remote");
        }
    }

    @Test
    void messagesQueuedForAnUnreachableRemoteSurviveALocalRestart() throws Exception {
        int remotePort = BridgeTestBroker.freePort();
        String[] localConfig = {"persistence true", "persistence_location " + localStore + "/",
            "connection e2e", "address 127.0.0.1:" + remotePort, "remote_clientid e2e-bridge",
            "restart_timeout 1", "topic stream/# out 1"};
        try (BridgeClients clients = new BridgeClients()) {
            try (BridgeTestBroker local = BridgeTestBroker.start(0, localConfig)) {
                Client publisher = clients.connect(local, "publisher", true);
                for (int i = 0; i < 50; i++) {
                    publisher.publish("stream/data", "m" + i, 1); // acknowledged: stored in the bridge's queue
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (local.bridge().connectFailures() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(local.bridge().connectFailures() > 0, "the remote was never reachable");
                assertEquals(0, local.bridge().messagesSent());
            }
            try (BridgeTestBroker remote = BridgeTestBroker.start(remotePort)) {
                Client sink = clients.connect(remote, "sink", true);
                sink.subscribe("stream/#", 1);
                try (BridgeTestBroker restarted = BridgeTestBroker.start(0, localConfig)) {
                    List<String> arrived = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        arrived.add(sink.next().payload());
                    }
                    List<String> expected = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        expected.add("m" + i);
                    }
                    assertEquals(expected, arrived, "all of them, in order");
                }
            }
        }
    }

    @Test
    void sysTopicsShowEachBridgesStateAndCounters() throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             BridgeTestBroker local = BridgeTestBroker.start(0, "sys_interval 1", "connection e2e",
                     "address 127.0.0.1:" + remote.port(), "remote_clientid e2e-bridge", "topic x/# out 1");
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client publisher = clients.connect(local, "publisher", true);
            for (int i = 0; i < 3; i++) {
                publisher.publish("x/" + i, "m" + i, 1);
            }
            Client watcher = clients.connect(local, "sys-watcher", true);
            watcher.subscribe("$SYS/broker/bridges/e2e/#", 0);

            java.util.Map<String, String> latest = new java.util.HashMap<>();
            while (!"3".equals(latest.get("messages/sent")) || !"connected".equals(latest.get("state"))) {
                Received next = watcher.next();
                latest.put(next.topic().substring("$SYS/broker/bridges/e2e/".length()), next.payload());
            }
            assertEquals("1", latest.get("connects"));
        }
    }
}
