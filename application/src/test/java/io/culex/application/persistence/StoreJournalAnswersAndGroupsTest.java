package io.culex.application.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the store must hold before an answer goes out, and which changes must reach it together: a broker
 * killed at any moment must neither lose a message nor take a new one for a re-send.
 */
class StoreJournalAnswersAndGroupsTest {

    private static final Delivery COPY = Delivery.live(new Message("t", "x".getBytes(StandardCharsets.UTF_8),
            QoS.EXACTLY_ONCE, false), QoS.EXACTLY_ONCE);

    /** PUBREL before the release is stored: a broker killed in between would restore the flight as unreleased
     * and send the PUBLISH again to a subscriber that had completed it. */
    @Test
    void pubrelWaitsUntilTheReleaseIsDurable() throws Exception {
        GatedStore gated = new GatedStore();
        try (Persistence persistence = Persistence.durable(gated, () -> 0L)) {
            persistence.sessionSaved("c", 60);
            StoreJournal journal = persistence.journal("c");
            journal.flightStarted(7, COPY);

            CountDownLatch pubrelSent = new CountDownLatch(1);
            journal.flightReleased(7, pubrelSent::countDown);
            // The writer is held at the gate with the release unwritten, so nothing can have answered yet.
            assertEquals(1, pubrelSent.getCount(), "no PUBREL before the release is durable");

            gated.open.countDown();
            assertTrue(pubrelSent.await(5, TimeUnit.SECONDS), "PUBREL once the release is written");
            List<RecoveredFlight> flights = gated.store.recover().sessions().get(0).flights();
            assertEquals(1, flights.size());
            assertTrue(flights.get(0).released(), "the store had the release when PUBREL went out");
        }
    }

    /** PUBCOMP before the release is stored: after a kill the id would still await PUBREL, and the client's next
     * message with it (the id is free for the client) would be taken for a re-send and dropped. */
    @Test
    void pubcompWaitsUntilTheInboundReleaseIsDurable() throws Exception {
        GatedStore gated = new GatedStore();
        try (Persistence persistence = Persistence.durable(gated, () -> 0L)) {
            persistence.sessionSaved("publisher", 60);
            StoreJournal journal = persistence.journal("publisher");
            journal.inboundQos2Received(4);

            CountDownLatch pubcompSent = new CountDownLatch(1);
            journal.inboundQos2Released(4, pubcompSent::countDown);
            assertEquals(1, pubcompSent.getCount(), "no PUBCOMP before the release is durable");

            gated.open.countDown();
            assertTrue(pubcompSent.await(5, TimeUnit.SECONDS), "PUBCOMP once the release is written");
            RecoveredSession session = gated.store.recover().sessions().get(0);
            assertEquals(List.of(), session.inboundQos2AwaitingRelease(), "the store had the release first");
        }
    }

    /** Taken from the queue and put in flight in one batch: no state of the store lacks the message in both. */
    @Test
    void aQueuedMessageGoingIntoFlightNeverLeavesBothInTheStore() throws Exception {
        BatchRecordingStore store = new BatchRecordingStore();
        try (Persistence persistence = Persistence.durable(store, () -> 0L)) {
            persistence.sessionSaved("subscriber", 60);
            StoreJournal journal = persistence.journal("subscriber");
            journal.enqueued(1, COPY);
            journal.read(0, 10); // the enqueued copy is stored on its own
            journal.dequeuedIntoFlight(1, 9, COPY);
            journal.read(1, 10);

            List<StoreOperation> last = store.batches.get(store.batches.size() - 1);
            assertEquals(2, last.size(), "one batch: " + last);
            assertTrue(last.get(0) instanceof Dequeued && last.get(1) instanceof FlightStarted);
            RecoveredSession after = store.recover().sessions().get(0);
            assertEquals(0, after.queuedCount());
            assertEquals(9, after.flights().get(0).packetId());
        }
    }
}
