package io.culex.application.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The id of an inbound QoS 2 message reaches the store only after the message's copies: a crash must never
 * leave the id without them, or the publisher's re-sent PUBLISH would be taken for delivered and lost.
 */
class StoreJournalQos2IdTest {

    private static final Delivery COPY = Delivery.live(new Message("t", "x".getBytes(StandardCharsets.UTF_8),
            QoS.EXACTLY_ONCE, false), QoS.EXACTLY_ONCE);

    @Test
    void theIdIsWrittenOnceTheCopiesAreDurableAndThePubrecWaitsForIt() throws Exception {
        MemoryStateStore store = new MemoryStateStore();
        try (Persistence persistence = Persistence.durable(store, () -> 0L)) {
            persistence.sessionSaved("publisher", 60);
            StoreJournal journal = persistence.journal("publisher");
            CountDownLatch pubrec = new CountDownLatch(1);
            DurabilityTicket ticket = new DurabilityTicket(pubrec::countDown, () -> { });

            ticket.hold(); // a subscriber's copy, still on its way to the store
            journal.during(ticket, () -> journal.inboundQos2Received(5));
            ticket.seal();
            // The writer works in queue order: once this later write is processed, the id would be too.
            journal.enqueued(1, COPY);
            journal.read(0, 10);
            assertEquals(List.of(), session(store).inboundQos2AwaitingRelease(), "no id before the copy is stored");
            assertEquals(1, pubrec.getCount());

            ticket.release(); // the copy is durable
            assertTrue(pubrec.await(5, TimeUnit.SECONDS), "PUBREC once the id is written as well");
            assertEquals(List.of(5), session(store).inboundQos2AwaitingRelease());
        }
    }

    @Test
    void withoutCopiesTheIdIsWrittenBeforeThePubrec() throws Exception {
        MemoryStateStore store = new MemoryStateStore();
        try (Persistence persistence = Persistence.durable(store, () -> 0L)) {
            persistence.sessionSaved("publisher", 60);
            StoreJournal journal = persistence.journal("publisher");
            CountDownLatch pubrec = new CountDownLatch(1);
            DurabilityTicket ticket = new DurabilityTicket(pubrec::countDown, () -> { });

            journal.during(ticket, () -> journal.inboundQos2Received(9));
            ticket.seal();
            assertTrue(pubrec.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(9), session(store).inboundQos2AwaitingRelease());
        }
    }

    @Test
    void theOnlyStoredCopyTakesTheIdIntoItsOwnBatch() throws Exception {
        BatchRecordingStore store = new BatchRecordingStore();
        try (Persistence persistence = Persistence.durable(store, () -> 0L)) {
            persistence.sessionSaved("publisher", 60);
            persistence.sessionSaved("subscriber", 60);
            StoreJournal publisher = persistence.journal("publisher");
            StoreJournal subscriber = persistence.journal("subscriber");
            CountDownLatch pubrec = new CountDownLatch(1);
            DurabilityTicket ticket = new DurabilityTicket(pubrec::countDown, () -> { });

            publisher.during(ticket, () -> publisher.inboundQos2Received(5));
            subscriber.during(ticket, true, () -> subscriber.enqueued(1, COPY));
            ticket.seal();
            assertTrue(pubrec.await(5, TimeUnit.SECONDS));

            int copyBatch = store.batchOf(op -> op instanceof Enqueued copy && copy.clientId().equals("subscriber"));
            assertTrue(copyBatch >= 0);
            assertEquals(copyBatch, store.batchOf(op -> op.equals(new InboundQos2Received("publisher", 5))),
                    "copy and id in one batch");
            assertEquals(List.of(5), session(store.store).inboundQos2AwaitingRelease());
        }
    }

    private static RecoveredSession session(MemoryStateStore store) {
        return store.recover().sessions().stream().filter(s -> s.clientId().equals("publisher")).findFirst()
                .orElseThrow();
    }
}
