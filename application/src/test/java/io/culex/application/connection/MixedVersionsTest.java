package io.culex.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.connection.TestClient.Publish;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MQTT 3.1, 3.1.1 and 5 clients on one broker. The application hands every subscriber the whole
 * message; leaving out what its version cannot carry (properties, expiry) is the transport's job.
 */
class MixedVersionsTest {

    private final BrokerHarness harness = new BrokerHarness();
    private final TestClient v31 = harness.v31("v31");
    private final TestClient v311 = harness.v311("v311", true);
    private final TestClient v5 = harness.v5("v5");

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    @Test
    void everyVersionReceivesWhatEveryVersionPublishes() {
        for (TestClient client : List.of(v31, v311, v5)) {
            client.subscribe("chat/#", QoS.EXACTLY_ONCE);
        }
        v31.publish("chat/v31", "from 3.1", QoS.AT_LEAST_ONCE);
        v311.publish("chat/v311", "from 3.1.1", QoS.EXACTLY_ONCE);
        v5.publish("chat/v5", "from 5", QoS.AT_MOST_ONCE);

        for (TestClient client : List.of(v31, v311, v5)) {
            assertEquals(List.of("from 3.1", "from 3.1.1", "from 5"), client.receivedPayloads(), client.packets::toString);
            assertEquals(List.of(QoS.AT_LEAST_ONCE, QoS.EXACTLY_ONCE, QoS.AT_MOST_ONCE),
                    client.received.stream().map(Delivery::qos).toList());
        }
    }

    @Test
    void mqtt5PropertiesReachSubscribersOfEveryVersionUnchanged() {
        for (TestClient client : List.of(v31, v311, v5)) {
            client.subscribe("req/#", QoS.AT_LEAST_ONCE);
        }
        v5.publish(Publish.to("req/1").payload("{}").utf8().contentType("application/json")
                .responseTopic("resp/1").correlationData(new byte[] {7, 7})
                .userProperty("trace", "abc").userProperty("trace", "def").userProperty("app", "x")
                .qos(QoS.AT_LEAST_ONCE, 10));

        MessageProperties expected = new MessageProperties(1, "application/json", "resp/1", new byte[] {7, 7},
                List.of(new UserProperty("trace", "abc"), new UserProperty("trace", "def"), new UserProperty("app", "x")));
        for (TestClient client : List.of(v31, v311, v5)) {
            assertEquals(expected, client.lastReceived().message().properties(), client.packets::toString);
        }
    }

    @Test
    void aRetainedMqtt5MessageKeepsItsPropertiesForALateMqtt311Subscriber() {
        v5.publish(Publish.to("status").payload("up").retain().userProperty("site", "north"));
        TestClient late = harness.v311("late", true);
        late.subscribe("status", QoS.AT_MOST_ONCE);
        assertEquals(List.of(new UserProperty("site", "north")), late.lastReceived().message().properties().userProperties());
        assertEquals(List.of(true), late.received.stream().map(Delivery::retainFlag).toList());
    }

    @Test
    void anMqtt3MessageReachesAnMqtt5SubscriberWithoutPropertiesOrExpiry() {
        v5.subscribe("t", QoS.AT_LEAST_ONCE);
        v311.publish("t", "old", QoS.AT_LEAST_ONCE);
        assertEquals(MessageProperties.NONE, v5.lastReceived().message().properties());
        assertEquals(List.of(-1L), v5.expiries);
    }

    @Test
    void anMqtt5ClientCanResumeASessionAnMqtt311ClientLeft() {
        TestClient old = harness.v311("device", false);
        old.subscribe("t", QoS.AT_LEAST_ONCE);
        old.connection.disconnect();
        v31.publish("t", "queued", QoS.AT_LEAST_ONCE);

        TestClient upgraded = harness.v5("device", false, 600, null);

        assertEquals(List.of("CONNACK 0 present", "PUBLISH 1 t"), upgraded.packets);
        assertEquals("queued", new String(upgraded.lastReceived().message().payload(), StandardCharsets.UTF_8));
    }

    @Test
    void noLocalSeesTheClientIdWhateverVersionPublishedUnderIt() {
        v5.subscribe(0, BrokerHarness.noLocal(BrokerHarness.sub("t", QoS.AT_MOST_ONCE)));
        v311.publish("t", "from 3.1.1", QoS.AT_MOST_ONCE);
        v5.publish("t", "own", QoS.AT_MOST_ONCE);
        assertEquals(List.of("from 3.1.1"), v5.receivedPayloads());
    }
}
