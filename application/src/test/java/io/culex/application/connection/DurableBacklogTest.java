package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.Broker;
import io.culex.application.admin.SessionState;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.application.testing.RecordingOutbound;
import io.culex.application.persistence.StoreJournal;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.SessionLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A persistent session on a durable store with a backlog far longer than its in-memory window:
 * 100,000 queued messages, half of them queued before a restart and half while the subscriber, back,
 * drains the first half, come in order, while the session never holds more than the window in memory.
 */
class DurableBacklogTest {

    private static final int HALF = 50_000;
    private static final int WINDOW = StoreJournal.QUEUE_WINDOW;

    /** A publisher that only counts its PUBACKs; a subscriber that keeps payloads and packet ids to acknowledge. */
    private static final class Client extends RecordingOutbound {
        ClientConnection connection;
        final AtomicInteger pubacks = new AtomicInteger();
        final List<String> payloads = new ArrayList<>();
        final ArrayDeque<Integer> toAcknowledge = new ArrayDeque<>();

        @Override
        public boolean publish(int packetId, Delivery delivery, boolean dup, long messageExpirySeconds) {
            synchronized (this) {
                payloads.add(new String(delivery.message().payload(), StandardCharsets.UTF_8));
                toAcknowledge.add(packetId);
            }
            return true;
        }

        @Override
        public void puback(int packetId, ReasonCode code, String reasonString) {
            pubacks.incrementAndGet();
            if (code != ReasonCode.SUCCESS) {
                packets.add("PUBACK " + packetId + " " + code);
            }
        }

        synchronized Integer nextToAcknowledge() {
            return toAcknowledge.poll();
        }

        synchronized int toAcknowledgeSize() {
            return toAcknowledge.size();
        }

        synchronized int received() {
            return payloads.size();
        }
    }

    private final MemoryStateStore state = new MemoryStateStore();
    private Broker broker = start();

    private Broker start() {
        return BrokerHarness.durableBroker(
                BrokerHarness.settings(new SessionLimits(20, Integer.MAX_VALUE, Long.MAX_VALUE, false)), state);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private Client connect(String clientId, boolean cleanSession) {
        Client client = new Client();
        client.connection = broker.accept(client);
        client.connection.connect(new ConnectRequest(4, clientId, cleanSession, 60, null, null, null));
        return client;
    }

    private void publish(int from, int to) {
        Client publisher = connect("pub", true);
        for (int i = from; i <= to; i++) {
            publisher.connection.publish(new PublishRequest("t", Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                    QoS.AT_LEAST_ONCE, false, false, (i % 60_000) + 1));
            if (i % 10_000 == 0) {
                int expected = i - from + 1;
                await("the publisher's acknowledgements", () -> publisher.pubacks.get() == expected);
            }
        }
        assertEquals(List.of("CONNACK 0"), publisher.packets.subList(0, Math.min(3, publisher.packets.size())),
                "every message was queued for the subscriber");
        int all = to - from + 1;
        await("the publisher's acknowledgements", () -> publisher.pubacks.get() == all);
        publisher.connection.connectionLost();
    }

    private SessionState session(String clientId) {
        return broker.admin(List::of).client(clientId).orElseThrow().session();
    }

    /** Acknowledges {@code count} PUBLISHes as they come, noting the most queued messages held in memory meanwhile. */
    private int acknowledge(Client subscriber, int count) {
        int mostInMemory = 0;
        for (int acknowledged = 0; acknowledged < count; acknowledged++) {
            Integer packetId = subscriber.nextToAcknowledge();
            if (packetId == null) {
                await("the next PUBLISH", () -> subscriber.toAcknowledgeSize() > 0);
                packetId = subscriber.nextToAcknowledge();
            }
            subscriber.connection.puback(packetId);
            if (acknowledged % 5_000 == 0) {
                mostInMemory = Math.max(mostInMemory, session("sub").queuedInMemory());
            }
        }
        return mostInMemory;
    }

    @Test
    void aLongBacklogDrainsInOrderAcrossARestartWithABoundedWindowInMemory() {
        Client subscriber = connect("sub", false);
        subscriber.connection.subscribe(1, List.of(BrokerHarness.sub("t", QoS.AT_LEAST_ONCE)), 0);
        subscriber.connection.connectionLost();

        publish(1, HALF);
        SessionState before = session("sub");
        assertEquals(HALF, before.queued(), "every message counts, on disk or not");
        assertTrue(before.queuedInMemory() <= WINDOW, "in memory: " + before.queuedInMemory());

        broker.close();
        broker = start();
        SessionState restored = session("sub");
        assertEquals(HALF, restored.queued());
        assertTrue(restored.queuedInMemory() <= WINDOW, "restored: only the window, " + restored.queuedInMemory());

        Client back = connect("sub", false);
        int mostInMemory = acknowledge(back, 10_000);
        publish(HALF + 1, 2 * HALF); // queued behind the backlog still on disk: they must not overtake it
        SessionState full = session("sub");
        assertEquals(2 * HALF - 10_000, full.queued() + 20, "all but the acknowledged and the 20 in flight");
        assertTrue(full.queuedInMemory() <= WINDOW, "in memory: " + full.queuedInMemory());
        mostInMemory = Math.max(mostInMemory, acknowledge(back, 2 * HALF - 10_000));

        assertTrue(mostInMemory <= WINDOW, "while draining: " + mostInMemory);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 2 * HALF; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, back.payloads, "every message once, in order");
        assertEquals(0, session("sub").queued());
        assertTrue(state.readQueue("sub", 0, 10).isEmpty(), "the store's queue is empty too");
    }
}
