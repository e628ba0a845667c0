package io.culex.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Mosquitto-style bridge (MQTT 3.x with the bridge bit, try_private) does not get its own messages back. */
class PrivateBridgeClientTest {

    private static TestClient connect(BrokerHarness harness, String clientId, boolean bridgeBit) {
        return harness.connect(new ConnectRequest(4, clientId, false, 60, null, null, null, false,
                ConnectProperties.NONE, bridgeBit));
    }

    @Test
    void aBridgeDoesNotReceiveWhatItPublishedButOthersDo() {
        try (BrokerHarness harness = new BrokerHarness()) {
            TestClient bridge = connect(harness, "remote-bridge", true);
            TestClient plain = connect(harness, "plain", false);
            bridge.subscribe("chat/#", QoS.AT_LEAST_ONCE);
            plain.subscribe("chat/#", QoS.AT_LEAST_ONCE);

            bridge.publish("chat/a", "from the bridge", QoS.AT_MOST_ONCE);
            plain.publish("chat/b", "from a client", QoS.AT_MOST_ONCE);

            assertEquals(List.of("from a client"), bridge.receivedPayloads());
            assertEquals(List.of("from the bridge", "from a client"), plain.receivedPayloads());
        }
    }

    @Test
    void aBridgeGetsTheRetainFlagAsPublished() {
        try (BrokerHarness harness = new BrokerHarness()) {
            TestClient bridge = connect(harness, "remote-bridge", true);
            TestClient plain = connect(harness, "plain", false);
            bridge.subscribe("state/#", QoS.AT_MOST_ONCE);
            plain.subscribe("state/#", QoS.AT_MOST_ONCE);

            TestClient publisher = harness.v311("publisher", true);
            publisher.publish(TestClient.Publish.to("state/x").retain());

            assertEquals(true, bridge.lastReceived().retainFlag(), "Retain As Published");
            assertEquals(false, plain.lastReceived().retainFlag(), "a live message to a 3.1.1 client");
        }
    }
}
