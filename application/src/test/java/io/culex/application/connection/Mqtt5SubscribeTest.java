package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.noLocal;
import static io.culex.application.connection.BrokerHarness.retainAsPublished;
import static io.culex.application.connection.BrokerHarness.retainHandling;
import static io.culex.application.connection.BrokerHarness.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.connection.TestClient.Publish;
import io.culex.application.security.acl.AclAuthorizer;
import io.culex.application.security.acl.AclFileParser;
import io.culex.application.settings.BrokerSettings;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SUBSCRIBE and UNSUBSCRIBE of an MQTT 5 client: the subscription options (No Local, Retain As
 * Published, Retain Handling), Subscription Identifiers and the reason codes of SUBACK and UNSUBACK.
 */
class Mqtt5SubscribeTest {

    private BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    // ---- No Local ----

    @Test
    void noLocalKeepsAClientsOwnMessagesFromItButNotOthers() {
        TestClient chat = harness.v5("chat");
        chat.subscribe(0, noLocal(sub("room/1", QoS.AT_LEAST_ONCE)));
        TestClient other = harness.v5("other");

        chat.publish(Publish.to("room/1").payload("mine").qos(QoS.AT_LEAST_ONCE, 10));
        other.publish(Publish.to("room/1").payload("theirs").qos(QoS.AT_LEAST_ONCE, 10));

        assertEquals(List.of("theirs"), chat.receivedPayloads());
        assertEquals(List.of("PUBACK 10 NO_MATCHING_SUBSCRIBERS"), chat.packets("PUBACK"),
                "its own subscription does not count");
    }

    @Test
    void withoutNoLocalAClientReceivesItsOwnMessages() {
        TestClient echo = harness.v5("echo");
        echo.subscribe("room/1", QoS.AT_MOST_ONCE);
        echo.publish(Publish.to("room/1").payload("mine"));
        assertEquals(List.of("mine"), echo.receivedPayloads());
    }

    @Test
    void noLocalAppliesToItsOwnSubscriptionOnly() {
        TestClient client = harness.v5("client");
        client.subscribe(0, noLocal(sub("room/1", QoS.AT_MOST_ONCE)));
        client.subscribe(0, sub("room/#", QoS.AT_MOST_ONCE));
        client.publish(Publish.to("room/1").payload("mine"));
        assertEquals(List.of("mine"), client.receivedPayloads(), "room/# has no No Local");
    }

    // ---- Retain As Published ----

    @Test
    void retainAsPublishedKeepsTheRetainFlagOnLiveMessages() {
        TestClient keeps = harness.v5("keeps");
        keeps.subscribe(0, retainAsPublished(sub("t", QoS.AT_MOST_ONCE)));
        TestClient clears = harness.v5("clears");
        clears.subscribe("t", QoS.AT_MOST_ONCE);

        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").payload("kept").retain());
        publisher.publish(Publish.to("t").payload("plain"));

        assertEquals(List.of(true, false), retainFlags(keeps));
        assertEquals(List.of(false, false), retainFlags(clears));
    }

    @Test
    void retainedMessagesSentOnSubscribeAlwaysCarryTheRetainFlag() {
        harness.v5("publisher").publish(Publish.to("t").payload("kept").retain());
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("t", QoS.AT_MOST_ONCE);
        assertEquals(List.of(true), retainFlags(subscriber));
    }

    // ---- Retain Handling ----

    @Test
    void retainHandling0SendsRetainedMessagesOnEverySubscribe() {
        harness.v5("publisher").publish(Publish.to("t").payload("kept").retain());
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(0, sub("t", QoS.AT_MOST_ONCE));
        subscriber.subscribe(0, sub("t", QoS.AT_MOST_ONCE));
        assertEquals(List.of("kept", "kept"), subscriber.receivedPayloads());
    }

    @Test
    void retainHandling1SendsRetainedMessagesOnlyForANewSubscription() {
        harness.v5("publisher").publish(Publish.to("t").payload("kept").retain());
        TestClient subscriber = harness.v5("subscriber");
        SubscriptionRequest ifNew = retainHandling(sub("t", QoS.AT_MOST_ONCE), RetainHandling.SEND_IF_NEW_SUBSCRIPTION);
        subscriber.subscribe(0, ifNew);
        subscriber.subscribe(0, ifNew);
        assertEquals(List.of("kept"), subscriber.receivedPayloads());

        subscriber.connection.unsubscribe(9, List.of("t"));
        subscriber.subscribe(0, ifNew);
        assertEquals(List.of("kept", "kept"), subscriber.receivedPayloads(), "new again after UNSUBSCRIBE");
    }

    @Test
    void retainHandling1CountsASubscriptionKeptInAResumedSessionAsExisting() {
        harness.v5("publisher").publish(Publish.to("t").payload("kept").retain());
        TestClient first = harness.v5("subscriber", true, 600, null);
        first.subscribe(0, sub("t", QoS.AT_LEAST_ONCE));
        first.connection.disconnect();

        TestClient again = harness.v5("subscriber", false, 600, null);
        again.subscribe(0, retainHandling(sub("t", QoS.AT_LEAST_ONCE), RetainHandling.SEND_IF_NEW_SUBSCRIPTION));
        assertEquals(List.of(), again.received);
    }

    @Test
    void retainHandling2NeverSendsRetainedMessages() {
        harness.v5("publisher").publish(Publish.to("t").payload("kept").retain());
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(0, retainHandling(sub("t", QoS.AT_MOST_ONCE), RetainHandling.DO_NOT_SEND));
        assertEquals(List.of("CONNACK 0", "SUBACK 1 [0]"), subscriber.packets);

        harness.v5("publisher").publish(Publish.to("t").payload("live").retain());
        assertEquals(List.of("live"), subscriber.receivedPayloads(), "live messages still flow");
    }

    @Test
    void subackComesBeforeTheRetainedMessages() {
        harness.v5("publisher").publish(Publish.to("a").retain());
        harness.v5("publisher").publish(Publish.to("b").retain());
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("#", QoS.AT_MOST_ONCE);
        assertEquals("SUBACK 1 [0]", subscriber.packets.get(1));
        assertEquals(Set.of("PUBLISH 0 a", "PUBLISH 0 b"), Set.copyOf(subscriber.packets.subList(2, 4)));
    }

    // ---- Subscription Identifiers ----

    @Test
    void aMessageMatchingTwoSubscriptionsArrivesOnceWithBothIdentifiersAtTheHigherQos() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(5, sub("home/#", QoS.AT_MOST_ONCE));
        subscriber.subscribe(7, sub("home/+/temperature", QoS.EXACTLY_ONCE));

        harness.v5("publisher").publish(Publish.to("home/kitchen/temperature").qos(QoS.EXACTLY_ONCE, 1));

        assertEquals(1, subscriber.received.size(), subscriber.packets::toString);
        Delivery delivery = subscriber.lastReceived();
        assertEquals(Set.of(5, 7), new HashSet<>(delivery.subscriptionIds()));
        assertEquals(QoS.EXACTLY_ONCE, delivery.qos());
    }

    @Test
    void onlyTheIdentifiersOfTheMatchingSubscriptionsAreSent() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(5, sub("home/#", QoS.AT_MOST_ONCE));
        subscriber.subscribe(7, sub("home/+/temperature", QoS.AT_MOST_ONCE));
        subscriber.subscribe(0, sub("home/+/humidity", QoS.AT_MOST_ONCE));

        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("home/kitchen/light"));
        publisher.publish(Publish.to("home/kitchen/humidity"));

        assertEquals(List.of(5), subscriber.received.get(0).subscriptionIds());
        assertEquals(List.of(5), subscriber.received.get(1).subscriptionIds(), "home/+/humidity has no identifier");
    }

    @Test
    void subscribingAgainReplacesTheIdentifier() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(5, sub("t", QoS.AT_MOST_ONCE));
        subscriber.subscribe(6, sub("t", QoS.AT_MOST_ONCE));
        harness.v5("publisher").publish(Publish.to("t"));
        subscriber.subscribe(0, sub("t", QoS.AT_MOST_ONCE));
        harness.v5("publisher").publish(Publish.to("t"));
        assertEquals(List.of(List.of(6), List.of()), subscriber.received.stream().map(Delivery::subscriptionIds).toList());
    }

    @Test
    void retainedMessagesSentOnSubscribeCarryTheSubscriptionsIdentifier() {
        harness.v5("publisher").publish(Publish.to("t").retain());
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(42, sub("t", QoS.AT_MOST_ONCE));
        assertEquals(List.of(42), subscriber.lastReceived().subscriptionIds());
    }

    @Test
    void deliveriesAreDowngradedToTheGrantedQos() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        harness.v5("publisher").publish(Publish.to("t").qos(QoS.EXACTLY_ONCE, 1));
        harness.v5("publisher").publish(Publish.to("t"));
        assertEquals(List.of(QoS.AT_LEAST_ONCE, QoS.AT_MOST_ONCE), subscriber.received.stream().map(Delivery::qos).toList());
    }

    // ---- SUBACK codes ----

    @Test
    void anInvalidFilterIsRefusedWith0x8FInMqtt5AndTheOthersInTheSamePacketGranted() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(0, sub("ok/#", QoS.AT_LEAST_ONCE), sub("bad/#/x", QoS.AT_LEAST_ONCE),
                sub("fine/+", QoS.EXACTLY_ONCE), sub("a+", QoS.AT_MOST_ONCE));
        assertEquals("SUBACK 1 [1, 143, 2, 143]", subscriber.lastPacket());
        assertEquals(2, harness.broker.subscriptionCount());
        assertFalse(subscriber.closed);
    }

    @Test
    void anInvalidFilterIsRefusedWith0x80InMqtt311() {
        TestClient subscriber = harness.v311("old", true);
        subscriber.subscribe(0, sub("ok/#", QoS.AT_LEAST_ONCE), sub("bad/#/x", QoS.AT_LEAST_ONCE));
        assertEquals("SUBACK 1 [1, 128]", subscriber.lastPacket());
    }

    @Test
    void anInvalidFilterGetsTheRequestedQosBackInMqtt31ButIsNotSubscribed() {
        TestClient subscriber = harness.v31("oldest");
        subscriber.subscribe(0, sub("bad/#/x", QoS.AT_LEAST_ONCE));
        assertEquals("SUBACK 1 [1]", subscriber.lastPacket());
        assertEquals(0, harness.broker.subscriptionCount());
    }

    @Test
    void aFilterTheAclNeverLetsTheClientReadIsRefusedWithNotAuthorized() {
        harness.close();
        harness = new BrokerHarness(BrokerSettings.defaults(),
                new AclAuthorizer(AclFileParser.parse("topic read public/#\n").rules()));
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(0, sub("public/#", QoS.AT_LEAST_ONCE), sub("private/#", QoS.AT_LEAST_ONCE));
        assertEquals("SUBACK 1 [1, 135]", subscriber.lastPacket());
    }

    // ---- UNSUBSCRIBE ----

    @Test
    void unsubackSaysWhichSubscriptionsExisted() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("a", QoS.AT_MOST_ONCE);
        subscriber.connection.unsubscribe(2, List.of("a", "b", "a"));
        assertEquals("UNSUBACK 2 [SUCCESS, NO_SUBSCRIPTION_EXISTED, NO_SUBSCRIPTION_EXISTED]", subscriber.lastPacket());
        assertEquals(0, harness.broker.subscriptionCount());

        harness.v5("publisher").publish(Publish.to("a"));
        assertTrue(subscriber.received.isEmpty());
    }

    @Test
    void unsubscribingTakesTheFilterAsSentNotWhatItMatches() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe("a/+", QoS.AT_MOST_ONCE);
        subscriber.connection.unsubscribe(2, List.of("a/b", "a/#"));
        assertEquals("UNSUBACK 2 [NO_SUBSCRIPTION_EXISTED, NO_SUBSCRIPTION_EXISTED]", subscriber.lastPacket());
        assertEquals(1, harness.broker.subscriptionCount());
    }

    private static List<Boolean> retainFlags(TestClient client) {
        return client.received.stream().map(Delivery::retainFlag).toList();
    }
}
