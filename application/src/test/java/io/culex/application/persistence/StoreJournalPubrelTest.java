package io.culex.application.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PUBREL is sent only once the QoS 2 flight's release is in the store: a broker killed in between would
 * otherwise restore the flight as unreleased and send the PUBLISH again to a subscriber that had completed it.
 */
class StoreJournalPubrelTest {

    @Test
    void pubrelWaitsUntilTheReleaseIsDurable() throws Exception {
        GatedStore gated = new GatedStore();
        try (Persistence persistence = Persistence.durable(gated, () -> 0L)) {
            persistence.sessionSaved("c", 60);
            StoreJournal journal = persistence.journal("c");
            Delivery delivery = Delivery.live(new Message("t", "x".getBytes(StandardCharsets.UTF_8),
                    QoS.EXACTLY_ONCE, false), QoS.EXACTLY_ONCE);
            journal.flightStarted(7, delivery);

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
}
