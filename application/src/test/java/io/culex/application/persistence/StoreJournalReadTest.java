package io.culex.application.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.QueueSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A page of a session's queue is read only once the writer is done with the session's earlier writes. */
class StoreJournalReadTest {

    @Test
    void aReadWaitsForTheSessionsWritesStillQueued() throws Exception {
        GatedStore gated = new GatedStore();
        try (Persistence persistence = Persistence.durable(gated, () -> 0L)) {
            persistence.sessionSaved("c", 60);
            StoreJournal journal = persistence.journal("c");
            Delivery delivery = Delivery.live(new Message("t", "x".getBytes(StandardCharsets.UTF_8),
                    QoS.AT_LEAST_ONCE, false), QoS.AT_LEAST_ONCE);
            journal.enqueued(1, delivery);
            journal.enqueued(2, delivery);

            List<QueueSource.Queued>[] page = new List[1];
            Thread reader = new Thread(() -> page[0] = journal.read(0, 10));
            reader.start();
            reader.join(200);
            assertTrue(reader.isAlive(), "no read while the Enqueued writes wait in the writer's queue");
            assertTrue(gated.store.readQueue("c", 0, 10).isEmpty());

            gated.open.countDown();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            assertFalse(reader.isAlive());
            assertEquals(List.of(1L, 2L), page[0].stream().map(QueueSource.Queued::sequence).toList(),
                    "the page has the entries journaled just before");
        }
    }
}
