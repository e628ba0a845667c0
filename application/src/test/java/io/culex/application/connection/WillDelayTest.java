package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.will.Will;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the will is published: at once when the connection ends without a normal DISCONNECT, or
 * after the MQTT 5 Will Delay Interval unless the client comes back first, and never later than
 * the end of the session. The delay is a broker timer with second granularity: the tests that wait
 * for one use 1 s.
 */
class WillDelayTest {

    private final BrokerHarness harness = new BrokerHarness();
    private final TestClient watcher = harness.v5("watcher");

    {
        watcher.subscribe("wills/#", QoS.AT_LEAST_ONCE);
    }

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    private static Will will(String clientId, long delaySeconds, long messageExpirySeconds) {
        return new Will("wills/" + clientId, clientId.getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, false,
                MessageProperties.NONE, delaySeconds, messageExpirySeconds);
    }

    private List<String> wills() {
        return watcher.receivedTopics();
    }

    // ---- with a delay: broker timers ----

    @Test
    void aDelayedWillIsPublishedAfterItsDelayWithItsWholeExpiryInterval() {
        harness.v5("device", true, 600, will("device", 1, 1)).lose();
        assertEquals(List.of(), wills(), "not before its delay");

        await("the delayed will", () -> wills().size() == 1);

        assertEquals(List.of("wills/device"), wills());
        assertEquals(List.of(1L), watcher.expiries, "the will's expiry interval starts when it is published");
    }

    @Test
    void aClientThatReconnectsWithinTheDelayCancelsItsWill() {
        harness.v5("device", true, 600, will("device", 1, -1)).lose();
        TestClient back = harness.v5("device", false, 600, null);
        assertEquals(List.of("CONNACK 0 present"), back.packets);
        // The same delay, armed later: once its will is out, the device's timer has had its turn.
        harness.v5("sentinel", true, 600, will("sentinel", 1, -1)).lose();

        await("the sentinel's will", () -> wills().size() == 1);

        assertEquals(List.of("wills/sentinel"), wills());
    }

    @Test
    void aWillWaitsNoLongerThanItsSession() {
        harness.v5("device", true, 1, will("device", 600, -1)).lose();
        assertEquals(List.of(), wills());

        await("the will, when the session ends", () -> wills().size() == 1);

        await("the session to end", () -> harness.broker.sessionCount() == 1);
        assertEquals(List.of("wills/device"), wills());
    }

    // ---- published at once ----

    @Test
    void aDelayedWillIsPublishedAtOnceWhenTheSessionEndsWithTheConnection() {
        harness.v5("device", true, 0, will("device", 600, -1)).lose();
        assertEquals(List.of("wills/device"), wills());
    }

    @Test
    void aDelayedWillIsPublishedAtOnceWhenACleanStartEndsTheWaitingSession() {
        harness.v5("device", true, 600, will("device", 600, -1)).lose();
        assertEquals(List.of(), wills());

        harness.v5("device", true, 600, null);

        assertEquals(List.of("wills/device"), wills());
    }

    @Test
    void aLostConnectionPublishesAWillWithoutDelayAtOnce() {
        harness.v5("v5", true, 600, will("v5", 0, -1)).lose();
        harness.v311("v311", false, will("v311", 0, -1)).lose();
        assertEquals(List.of("wills/v5", "wills/v311"), wills());
    }

    @Test
    void disconnectWithWillMessagePublishesTheWill() {
        harness.v5("device", true, 0, will("device", 0, -1)).connection.disconnect(0x04, -1);
        assertEquals(List.of("wills/device"), wills());
    }

    @Test
    void aDisconnectWithAnErrorReasonPublishesTheWill() {
        harness.v5("device", true, 0, will("device", 0, -1)).connection.disconnect(0x80, -1);
        assertEquals(List.of("wills/device"), wills(), "only 0x00 discards the will (MQTT 5, 3.1.2.5)");
    }

    @Test
    void aNormalDisconnectDiscardsTheWill() {
        harness.v5("v5", true, 0, will("v5", 0, -1)).connection.disconnect(0x00, -1);
        harness.v5("v5-delayed", true, 600, will("v5-delayed", 600, -1)).connection.disconnect(0x00, -1);
        harness.v311("v311", true, will("v311", 0, -1)).connection.disconnect();
        assertEquals(List.of(), wills());
    }

    @Test
    void aTakeoverPublishesAWillWithoutDelay() {
        harness.v5("device", true, 600, will("device", 0, -1));
        harness.v5("device", false, 600, null);
        assertEquals(List.of("wills/device"), wills());
    }

    @Test
    void theWillCarriesItsPropertiesAndExpiryInterval() {
        MessageProperties properties = new MessageProperties(1, "text/plain", "replies/device",
                new byte[] {1, 2}, List.of(new UserProperty("reason", "power")));
        Will will = new Will("wills/device", "gone".getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, false,
                properties, 0, 30);
        harness.v5("device", true, 0, will).lose();

        assertEquals(properties, watcher.lastReceived().message().properties());
        assertEquals(List.of(30L), watcher.expiries);
        assertEquals("device", watcher.lastReceived().message().origin());
    }
}
