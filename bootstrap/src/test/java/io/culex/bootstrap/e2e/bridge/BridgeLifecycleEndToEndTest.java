package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.application.bridge.BridgeState;
import io.culex.bootstrap.e2e.TestCertificates;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a bridge connects, gives up, fails over and tells about it, over real sockets with Paho clients: start_type
 * lazy and once, failover across addresses, TLS with a generated CA, and the connection state notifications.
 */
@Timeout(60)
class BridgeLifecycleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** How long a bridge that must not connect is watched: two restart_timeout periods and some. */
    private static final long STAYS_DOWN_MILLIS = 2_500;

    @TempDir
    Path dir;

    @Test
    void lazyConnectsOnlyOnceThresholdMessagesWaitThenDisconnectsWhenIdle() throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             BridgeTestBroker local = BridgeTestBroker.start(0,
                     "connection lazy",
                     "address 127.0.0.1:" + remote.port(),
                     "start_type lazy",
                     "threshold 5",
                     "idle_timeout 1",
                     "restart_timeout 1",
                     "notifications false",
                     "topic lazy/# out 1");
             BridgeClients clients = new BridgeClients()) {
            Client sink = clients.connect(remote, "sink", true);
            sink.subscribe("lazy/#", 1);
            Client publisher = clients.connect(local, "publisher", true);
            for (int i = 0; i < 4; i++) {
                publisher.publish("lazy/data", "m" + i, 1);
            }
            assertNull(sink.nextOrNull(STAYS_DOWN_MILLIS), "nothing crosses below the threshold");
            assertEquals(0, local.bridge().connectAttempts(), local.bridge().toString());

            publisher.publish("lazy/data", "m4", 1);
            Set<String> arrived = new TreeSet<>();
            for (int i = 0; i < 5; i++) {
                arrived.add(sink.next().payload());
            }
            assertEquals(Set.of("m0", "m1", "m2", "m3", "m4"), arrived);
            Await.until(() -> local.bridge().state() != BridgeState.CONNECTED, WAIT,
                    () -> "disconnected after idle_timeout: " + local.bridge());
            assertEquals(1, local.bridge().connectAttempts(), local.bridge().toString());
        }
    }

    @Test
    void onceDoesNotReconnectAfterTheRemoteWentAway() throws Exception {
        int remotePort = BridgeTestBroker.freePort();
        BridgeTestBroker remote = BridgeTestBroker.start(remotePort);
        try (BridgeTestBroker local = BridgeTestBroker.start(0,
                "connection once",
                "address 127.0.0.1:" + remotePort,
                "start_type once",
                "restart_timeout 1",
                "notifications false",
                "topic once/# out 1")) {
            local.awaitBridgeConnected();
            remote.close();
            Await.until(() -> local.bridge().state() != BridgeState.CONNECTED, WAIT, local::bridge);
            remote = BridgeTestBroker.start(remotePort);
            TimeUnit.MILLISECONDS.sleep(STAYS_DOWN_MILLIS);
            assertNotEquals(BridgeState.CONNECTED, local.bridge().state(), local.bridge().toString());
            assertEquals(1, local.bridge().connectAttempts(), "no attempt after the first: " + local.bridge());
        } finally {
            remote.close();
        }
    }

    @Test
    void failsOverToTheSecondAddressAndReturnsToThePrimaryOnceItIsBack() throws Exception {
        int primaryPort = BridgeTestBroker.freePort();
        try (BridgeTestBroker backup = BridgeTestBroker.start(0);
             BridgeTestBroker local = BridgeTestBroker.start(0,
                     "connection failover",
                     "address 127.0.0.1:" + primaryPort + " 127.0.0.1:" + backup.port(),
                     "round_robin false",
                     "restart_timeout 1",
                     "notifications false",
                     "topic fo/# out 1");
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            assertEquals("127.0.0.1:" + backup.port(), local.bridge().address(), "the dead primary was skipped");
            Client onBackup = clients.connect(backup, "on-backup", true);
            onBackup.subscribe("fo/#", 1);
            Client publisher = clients.connect(local, "publisher", true);
            publisher.publish("fo/1", "via backup", 1);
            assertEquals("via backup", onBackup.next().payload());

            try (BridgeTestBroker primary = BridgeTestBroker.start(primaryPort)) {
                Client onPrimary = clients.connect(primary, "on-primary", true);
                onPrimary.subscribe("fo/#", 1);
                Await.until(() -> local.bridge().state() == BridgeState.CONNECTED
                        && local.bridge().address().equals("127.0.0.1:" + primaryPort), WAIT, local::bridge);
                publisher.publish("fo/2", "via primary", 1);
                assertEquals("via primary", onPrimary.next().payload());
            }
        }
    }

    @Test
    void tlsToARemoteWithTheRightCaConnectsAndWithAnotherCaSaysWhyNot() throws Exception {
        TestCertificates.requireOpenssl();
        TestCertificates pki = TestCertificates.create(dir);
        // The first listener with TLS for the bridges, a second plain one for the test's subscriber.
        try (BridgeTestBroker remote = BridgeTestBroker.start(0,
                "certfile " + pki.serverCert, "keyfile " + pki.serverKey, "listener 0 127.0.0.1");
             BridgeTestBroker trusting = BridgeTestBroker.start(0, tlsBridge(remote, pki.caCert));
             BridgeTestBroker distrusting = BridgeTestBroker.start(0, tlsBridge(remote, pki.otherCaCert));
             BridgeClients clients = new BridgeClients()) {
            trusting.awaitBridgeConnected();
            Client sink = clients.connect("tcp://127.0.0.1:" + remote.port(1), "sink", true);
            sink.subscribe("tls/#", 1);
            Client publisher = clients.connect(trusting, "publisher", true);
            publisher.publish("tls/1", "encrypted", 1);
            assertEquals("encrypted", sink.next().payload());

            Await.until(() -> distrusting.bridge().connectFailures() > 0, WAIT, distrusting::bridge);
            assertNotEquals(BridgeState.CONNECTED, distrusting.bridge().state());
            String why = String.valueOf(distrusting.bridge().lastError());
            assertTrue(why.toLowerCase(java.util.Locale.ROOT).contains("certif"), "says why: " + why);
        }
    }

    private static String[] tlsBridge(BridgeTestBroker remote, Path caFile) {
        return new String[] {
            "connection tls",
            "address 127.0.0.1:" + remote.port(),
            "bridge_cafile " + caFile,
            "restart_timeout 1",
            "notifications false",
            "topic tls/# out 1",
        };
    }

    @Test
    void notificationsSayConnectedAndTheWillSaysDisconnectedOnTheRemoteWhenTheLinkIsCut() throws Exception {
        String state = "$SYS/broker/connection/notify-bridge/state";
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             CuttableProxy link = new CuttableProxy(remote.port());
             BridgeTestBroker local = BridgeTestBroker.start(0,
                     "connection notify",
                     "address 127.0.0.1:" + link.port(),
                     "remote_clientid notify-bridge",
                     "restart_timeout 30",
                     "topic n/# out 1");
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client localWatcher = clients.connect(local, "local-watcher", true);
            localWatcher.subscribe(state, 1);
            Client remoteWatcher = clients.connect(remote.uri(), "remote-watcher", true);
            remoteWatcher.subscribe(state, 1);
            assertEquals("1", localWatcher.next().payload(), "retained 1 locally while connected");
            assertEquals("1", remoteWatcher.next().payload(), "retained 1 on the remote while connected");

            link.cut(); // no DISCONNECT reaches the remote
            assertEquals("0", remoteWatcher.next().payload(), "the bridge's will on the remote");
            assertEquals("0", localWatcher.next().payload(), "locally once the remote is gone");
            Client latecomer = clients.connect(local, "latecomer", true);
            latecomer.subscribe(state, 1);
            assertEquals("0", latecomer.next().payload(), "retained 0 locally");
        }
    }
}
