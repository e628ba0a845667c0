package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.maxInflight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.culex.application.connection.TestClient.Publish;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings replaced while the broker runs (a configuration reload): who sees the new values, and when. */
class SettingsUpdateTest {

    private final BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    private static BrokerSettings messageSizeLimit(int bytes) {
        BrokerSettings defaults = BrokerSettings.defaults();
        return new BrokerSettings(true, "auto-", 65_535, bytes, defaults.sessionLimits());
    }

    @Test
    void aLowerMessageSizeLimitAppliesToTheNextPublishOfAnOpenConnection() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("#", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("before").payload("12345").qos(QoS.AT_LEAST_ONCE, 1));

        harness.broker.updateSettings(messageSizeLimit(4));
        publisher.publish(Publish.to("after").payload("12345").qos(QoS.AT_LEAST_ONCE, 2));
        publisher.publish(Publish.to("fits").payload("1234").qos(QoS.AT_LEAST_ONCE, 3));

        assertEquals(List.of("CONNACK 0", "PUBACK 1 SUCCESS", "PUBACK 2 QUOTA_EXCEEDED", "PUBACK 3 SUCCESS"),
                publisher.packets);
        assertFalse(publisher.closed);
        assertEquals(List.of("before", "fits"), subscriber.receivedTopics());
    }

    @Test
    void newSessionsGetTheNewLimitsAndTheirClientsTheNewReceiveMaximumWhileOlderSessionsKeepTheirs() {
        TestClient before = harness.v5("before");
        before.subscribe("#", QoS.AT_LEAST_ONCE);
        assertEquals(20, before.connack().properties().receiveMaximum());

        BrokerSettings five = maxInflight(5);
        harness.broker.updateSettings(five);
        assertSame(five, harness.broker.settings());

        TestClient after = harness.v5("after");
        after.subscribe("#", QoS.AT_LEAST_ONCE);
        assertEquals(5, after.connack().properties().receiveMaximum());
        TestClient publisher = harness.v5("publisher");
        for (int i = 1; i <= 6; i++) {
            publisher.publish("t", Integer.toString(i), QoS.AT_LEAST_ONCE);
        }

        // Nobody acknowledges: the outbound window is the session's max_inflight_messages.
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), before.receivedPayloads());
        assertEquals(List.of("1", "2", "3", "4", "5"), after.receivedPayloads());
    }
}
