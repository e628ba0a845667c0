package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.Broker;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.persistence.BatchRecordingStore;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a persistent publisher's QoS 2 id lands in the store, seen through the broker: in the same batch as the
 * message's copy when one session stores it (a kill keeps both or neither: exactly once), after every copy when
 * several do (a kill can keep copies without the id, never the id without copies).
 */
class DurableQos2IdBatchTest {

    private final BatchRecordingStore state = new BatchRecordingStore();
    private final Broker broker = start();

    private Broker start() {
        return BrokerHarness.durableBroker(BrokerSettings.defaults(), state);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private TestClient connect(String clientId) {
        TestClient client = new TestClient();
        client.connection = broker.accept(client);
        client.connection.connect(new ConnectRequest(4, clientId, false, 60, null, null, null));
        return client;
    }

    private void offlineSubscriber(String clientId) {
        TestClient subscriber = connect(clientId);
        subscriber.subscribe("t", QoS.EXACTLY_ONCE);
        await("SUBACK", () -> subscriber.packets.size() == 2);
        subscriber.lose();
    }

    /** Publishes one QoS 2 message from a persistent publisher and waits for its PUBREC (all durable by then). */
    private void publishQos2() {
        TestClient publisher = connect("pub");
        publisher.publish("t", "m", QoS.EXACTLY_ONCE);
        await("PUBREC", () -> publisher.packets.contains("PUBREC 1 SUCCESS"));
    }

    private int idBatch() {
        return state.batchOf(op -> op.equals(new InboundQos2Received("pub", 1)));
    }

    private int copyBatch(String clientId) {
        return state.batchOf(op -> op instanceof Enqueued copy && copy.clientId().equals(clientId));
    }

    @Test
    void theOnlyStoredCopyAndThePublishersIdShareABatch() {
        offlineSubscriber("sub");
        publishQos2();

        assertTrue(idBatch() >= 0, "the id is stored");
        assertEquals(copyBatch("sub"), idBatch());
    }

    @Test
    void withTwoStoredCopiesTheIdComesAfterBoth() {
        offlineSubscriber("a");
        offlineSubscriber("b");
        publishQos2();

        assertTrue(copyBatch("a") >= 0 && copyBatch("b") >= 0, "both copies are stored");
        assertTrue(idBatch() > Math.max(copyBatch("a"), copyBatch("b")), "the id is written last");
    }
}
