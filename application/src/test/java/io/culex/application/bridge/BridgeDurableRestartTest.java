package io.culex.application.bridge;

import static io.culex.application.bridge.BridgeDirection.OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.application.Broker;
import io.culex.application.connection.ListenerSecurity;
import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.Storage;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.message.QoS;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The bridge's local session on a durable store (the reference memory store, declared durable and shared by
 * both "processes"): what waited for the remote, and what it had not acknowledged, survives a broker restart.
 */
class BridgeDurableRestartTest {

    private static final long AWAIT_MILLIS = 5_000;

    private final MemoryStateStore state = new MemoryStateStore();

    private Broker startBroker() {
        RetainedStore retained = new MemoryRetainedStore();
        StateStore shared = state;
        Storage storage = new Storage() {
            @Override public RetainedStore retained() { return retained; }
            @Override public StateStore state() { return shared; }
            @Override public boolean durable() { return true; }
            @Override public void close() { }
        };
        return new Broker(BrokerSettings.defaults(), storage,
                new ListenerSecurity(new AnonymousPolicyAuthenticator(true), Authorizer.ALLOW_ALL), Map.of());
    }

    private static BridgeService bridge(Broker broker, FakeRemote remote) {
        BridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "").build();
        BridgeService service = new BridgeService(List.of(settings), broker, remote, new ManualTimers(), new Random(1));
        broker.recover();
        service.start();
        return service;
    }

    @Test
    void queuedAndUnacknowledgedMessagesAreSentAfterABrokerRestart() {
        Broker first = startBroker();
        FakeRemote firstRemote = new FakeRemote();
        BridgeService firstBridges = bridge(first, firstRemote);
        FakeRemote.Link link = firstRemote.accept();
        LocalClient publisher = new LocalClient(first, "publisher");
        publisher.publish("a/1", "m1", QoS.AT_LEAST_ONCE);
        publisher.publish("a/2", "m2", QoS.AT_LEAST_ONCE);
        await("two PUBLISHes on the link", () -> link.publishes().size() == 2);
        link.drop("connection reset");
        publisher.publish("a/3", "m3", QoS.AT_LEAST_ONCE);
        await("the store acknowledged all three", () -> publisher.packets("PUBACK").size() == 3);
        firstBridges.stop();
        first.close();

        Broker second = startBroker();
        FakeRemote secondRemote = new FakeRemote();
        BridgeService secondBridges = bridge(second, secondRemote);
        await("an attempt", () -> !secondRemote.attempts.isEmpty());
        // The restored session answers on its own thread: the bridge's UNSUBSCRIBE follows CONNACK from there.
        FakeRemote.Link relinked = secondRemote.connackOnly(new RemoteConnack(false, 65_535, 0, QoS.EXACTLY_ONCE, true));
        await("the bridge's UNSUBSCRIBE", () -> !relinked.sent("UNSUBSCRIBE").isEmpty());
        relinked.acknowledgeBridgePackets();
        await("three PUBLISHes after the restart", () -> relinked.publishes().size() == 3);

        assertEquals(List.of("PUBLISH 1 a/1 q1 m1 dup", "PUBLISH 2 a/2 q1 m2 dup", "PUBLISH 3 a/3 q1 m3"),
                relinked.publishes());
        secondBridges.stop();
        second.close();
    }

    /** Polls for what the store's and restored sessions' threads do, failing after a few seconds. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AWAIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
