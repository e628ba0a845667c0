package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.metrics.DropReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Flow control over real sockets: a publisher flooding QoS 1 messages to a subscriber that reads
 * nothing is held back by TCP (the broker stops reading from it) instead of the broker acknowledging
 * and queueing everything; once the subscriber reads, every message arrives, with a queue limit that
 * the flood would otherwise have overrun.
 */
class PublisherBackpressureTest {

    private static final int MESSAGES = 20_000;
    private static final int PAYLOAD_BYTES = 1000;
    private static final int QUEUE_LIMIT = 5000;
    /**
     * What the broker may accept while the subscriber reads nothing: the high mark (256 KiB of these messages),
     * the in-flight window and the socket reads under way when it paused (up to 1 MiB), plus one read a second.
     */
    private static final int ACCEPTED_WHILE_STALLED = 4000;

    @Test
    void aStalledSubscriberHoldsBackAFloodingPublisherAndNothingAcknowledgedIsLost() throws Exception {
        try (RunningBroker broker = RunningBroker.start("max_queued_messages " + QUEUE_LIMIT);
             RawMqttClient subscriber = RawMqttClient.connect(broker.port(), "stalled");
             RawMqttClient publisher = RawMqttClient.connect(broker.port(), "flood")) {
            subscriber.send(RawPackets.subscribe(1, "flood/t", 1));
            subscriber.expect(0x90, 0x03, 0x00, 0x01, 0x01);

            AtomicInteger written = new AtomicInteger();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = daemon("flood-writer", () -> {
                for (int seq = 0; seq < MESSAGES; seq++) {
                    publisher.send(RawPackets.publish("flood/t", payload(seq), 1, seq + 1));
                    written.incrementAndGet();
                }
            }, failure);
            Thread ackReader = daemon("flood-acks", () -> {
                while (acknowledged.get() < MESSAGES) {
                    RawMqttClient.Packet packet = publisher.readPacketWithin(Duration.ofMillis(200));
                    if (packet != null && packet.firstByte() == 0x40) {
                        acknowledged.incrementAndGet();
                    }
                }
            }, failure);

            // The subscriber reads nothing: the broker stops reading from the publisher, whose writes block.
            RawAwait.untilEquals("the broker accepted the first messages", 1,
                    () -> acknowledged.get() >= 100 ? 1 : 0, Duration.ofSeconds(30));
            for (int look = 0; look < 15; look++) {
                Thread.sleep(200);
                assertTrue(acknowledged.get() <= ACCEPTED_WHILE_STALLED,
                        "accepted " + acknowledged.get() + " while the subscriber read nothing");
            }
            assertTrue(writer.isAlive(), "the publisher's writes are blocked (" + written.get() + " of " + MESSAGES + ")");
            assertFalse(acknowledged.get() >= MESSAGES);

            BitSet received = readEverything(subscriber);

            writer.join(30_000);
            RawAwait.untilEquals("PUBACKs for every message", MESSAGES, acknowledged::get, Duration.ofSeconds(30));
            assertEquals(null, failure.get());
            assertEquals(MESSAGES, received.cardinality(), "every acknowledged message reached the subscriber");
            assertEquals(0, broker.broker().broker().metrics().messagesDropped(DropReason.QUEUE_FULL));
            ackReader.join(5_000);
        }
    }

    /** Reads and acknowledges PUBLISHes until every sequence number arrived (each read bounded by 5 s). */
    private static BitSet readEverything(RawMqttClient subscriber) throws IOException {
        BitSet received = new BitSet(MESSAGES);
        int expectedNext = 0;
        while (received.cardinality() < MESSAGES) {
            RawMqttClient.Packet packet = subscriber.readPacket();
            assertEquals(0x32, packet.firstByte() & 0xF6, "a QoS 1 PUBLISH");
            ByteBuffer body = ByteBuffer.wrap(packet.body());
            int topicLength = body.getShort() & 0xFFFF;
            body.position(2 + topicLength);
            int packetId = body.getShort() & 0xFFFF;
            int seq = body.getInt();
            assertEquals(expectedNext, seq, "in the order published");
            expectedNext = seq + 1;
            received.set(seq);
            subscriber.send(RawPackets.packet(0x40, new byte[] {(byte) (packetId >> 8), (byte) packetId}));
        }
        return received;
    }

    private static byte[] payload(int seq) {
        return ByteBuffer.allocate(PAYLOAD_BYTES).putInt(seq).array();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread daemon(String name, Work work, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
