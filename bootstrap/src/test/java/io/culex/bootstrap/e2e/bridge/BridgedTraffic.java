package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * What a bridge configured with {@link #TOPICS} must carry, checked with a client subscribed to {@code #} on
 * each side: every QoS each way, prefixes swapped, and nothing sent back round the loop.
 */
final class BridgedTraffic {

    static final String[] TOPICS = {
        "topic out/# out 2 local/ remote/",
        "topic cmd/# in 2 l/ r/",
        "topic chat/# both 2 \"\" \"\"",
    };
    private static final long NO_MORE_MILLIS = 300;

    private BridgedTraffic() {
    }

    /** Waits (bounded) until a message published on the remote side reaches the local one through the bridge. */
    static void awaitFlowing(Client local, Client remote) throws MqttException, InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        local.subscribe("chat/warmup", 0);
        while (local.nextOrNull(200) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing came through the bridge within 15 s");
            }
            remote.publish("chat/warmup", "ping", 0);
        }
        local.paho.unsubscribe("chat/warmup");
        Thread.sleep(NO_MORE_MILLIS);
        local.inbox.clear();
    }

    static void assertCarriedEveryWayWithoutLoops(Client local, Client remote) throws Exception {
        local.subscribe("#", 2);
        remote.subscribe("#", 2);
        Thread.sleep(NO_MORE_MILLIS); // warm-up pings still on their way
        local.inbox.clear();
        remote.inbox.clear();
        for (int qos = 0; qos <= 2; qos++) {
            local.publish("local/out/q" + qos, "out" + qos, qos);
            assertEquals(new Received("local/out/q" + qos, "out" + qos, qos), local.next());
            assertEquals(new Received("remote/out/q" + qos, "out" + qos, qos), remote.next());

            remote.publish("r/cmd/q" + qos, "in" + qos, qos);
            assertEquals(new Received("r/cmd/q" + qos, "in" + qos, qos), remote.next());
            assertEquals(new Received("l/cmd/q" + qos, "in" + qos, qos), local.next());

            local.publish("chat/from-local", "both" + qos, qos);
            assertEquals(new Received("chat/from-local", "both" + qos, qos), local.next());
            assertEquals(new Received("chat/from-local", "both" + qos, qos), remote.next());

            remote.publish("chat/from-remote", "both" + qos, qos);
            assertEquals(new Received("chat/from-remote", "both" + qos, qos), remote.next());
            assertEquals(new Received("chat/from-remote", "both" + qos, qos), local.next());
        }
        assertNull(local.nextOrNull(NO_MORE_MILLIS), "nothing came back round the loop");
        assertNull(remote.nextOrNull(NO_MORE_MILLIS), "nothing came back round the loop");
    }
}
