package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.maxInflight;
import static io.culex.application.connection.BrokerHarness.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.connection.TestClient.Publish;
import io.culex.application.security.acl.AclAuthorizer;
import io.culex.application.security.acl.AclFileParser;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.settings.ProtocolSettings;
import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PUBLISH flow from an MQTT 5 client: topic aliases, the broker's Receive Maximum, the reason
 * codes of PUBACK and PUBREC, and the limits announced in CONNACK (maximum QoS, retain availability).
 */
class Mqtt5PublishTest {

    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

    private BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    private void use(BrokerSettings settings) {
        harness.close();
        harness = new BrokerHarness(settings);
    }

    private TestClient subscriber(String filter, QoS qos) {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.subscribe(filter, qos);
        return subscriber;
    }

    // ---- topic aliases ----

    @Test
    void connackAnnouncesMaxTopicAlias() {
        assertEquals(10, harness.v5("c").connack().properties().topicAliasMaximum());
    }

    @Test
    void aTopicSentOnceWithAnAliasCanThenBeReplacedByTheAlias() {
        TestClient subscriber = subscriber("sensors/#", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("sensors/1/temperature").alias(1).payload("20").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("").alias(1).payload("21").qos(QoS.AT_LEAST_ONCE, 2));
        publisher.publish(Publish.to("").alias(1).payload("22"));

        assertEquals(List.of("PUBACK 1 SUCCESS", "PUBACK 2 SUCCESS"), publisher.packets("PUBACK"));
        assertEquals(List.of("sensors/1/temperature", "sensors/1/temperature", "sensors/1/temperature"),
                subscriber.receivedTopics());
        assertEquals(List.of("20", "21", "22"), subscriber.receivedPayloads());
        assertFalse(publisher.closed);
    }

    @Test
    void topicAliasZeroIsInvalid() {
        TestClient subscriber = subscriber("#", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("a").alias(0).qos(QoS.AT_LEAST_ONCE, 1));

        assertEquals("DISCONNECT TOPIC_ALIAS_INVALID", publisher.lastPacket());
        assertTrue(publisher.closed);
        assertEquals(List.of(), publisher.packets("PUBACK"));
        assertEquals(List.of(), subscriber.received);
    }

    @Test
    void aTopicAliasAboveMaxTopicAliasIsInvalidAndTheMaximumItselfIsNot() {
        TestClient subscriber = subscriber("#", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("ten").alias(10));
        assertFalse(publisher.closed);
        publisher.publish(Publish.to("eleven").alias(11));

        assertEquals("DISCONNECT TOPIC_ALIAS_INVALID", publisher.lastPacket());
        assertTrue(publisher.closed);
        assertEquals(List.of("ten"), subscriber.receivedTopics());
    }

    @Test
    void anAliasTheClientNeverSetIsAProtocolError() {
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("a").alias(1));
        publisher.publish(Publish.to("").alias(2));
        assertEquals("DISCONNECT PROTOCOL_ERROR", publisher.lastPacket());
        assertTrue(publisher.closed);
    }

    @Test
    void aliasesLastOnlyAsLongAsTheNetworkConnection() {
        TestClient first = harness.v5("publisher", true, 600, null);
        first.publish(Publish.to("a").alias(1));
        first.connection.disconnect();

        TestClient again = harness.v5("publisher", false, 600, null);
        assertEquals("CONNACK 0 present", again.packets.get(0));
        again.publish(Publish.to("").alias(1));
        assertEquals("DISCONNECT PROTOCOL_ERROR", again.lastPacket());
    }

    @Test
    void withMaxTopicAliasZeroEveryAliasIsInvalid() {
        use(settings(new ProtocolSettings(0, 0, QoS.EXACTLY_ONCE, true, 0, null, false)));
        TestClient publisher = harness.v5("publisher");
        assertNull(publisher.connack().properties().topicAliasMaximum());
        publisher.publish(Publish.to("a").alias(1));
        assertEquals("DISCONNECT TOPIC_ALIAS_INVALID", publisher.lastPacket());
    }

    @Test
    void mqtt311PublishesKnowNoAliases() {
        TestClient subscriber = subscriber("#", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v311("old", true);
        publisher.publish("a/b", "x", QoS.AT_LEAST_ONCE);
        assertEquals(List.of("PUBACK 1 SUCCESS"), publisher.packets("PUBACK"));
        assertEquals(List.of("a/b"), subscriber.receivedTopics());
    }

    @Test
    void anMqtt311PublishWithoutTopicClosesTheConnectionWithoutDisconnect() {
        TestClient publisher = harness.v311("old", true);
        publisher.publish(Publish.to("").qos(QoS.AT_LEAST_ONCE, 1));
        assertTrue(publisher.closed);
        assertEquals(List.of(), publisher.packets("DISCONNECT"), "MQTT 3.1.1 has no DISCONNECT from the server");
        assertEquals(List.of(), publisher.packets("PUBACK"));
    }

    // ---- Receive Maximum: the broker's, for what the client sends ----

    @Test
    void connackAnnouncesMaxInflightMessagesAsReceiveMaximum() {
        use(maxInflight(2));
        assertEquals(2, harness.v5("c").connack().properties().receiveMaximum());
    }

    @Test
    void moreUnreleasedQos2MessagesThanTheReceiveMaximumEndTheConnection() {
        use(maxInflight(2));
        TestClient subscriber = subscriber("#", QoS.EXACTLY_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("t").payload("1").qos(QoS.EXACTLY_ONCE, 1));
        publisher.publish(Publish.to("t").payload("2").qos(QoS.EXACTLY_ONCE, 2));
        publisher.publish(Publish.to("t").payload("3").qos(QoS.EXACTLY_ONCE, 3));

        assertEquals(List.of("CONNACK 0", "PUBREC 1 SUCCESS", "PUBREC 2 SUCCESS", "DISCONNECT RECEIVE_MAXIMUM_EXCEEDED"),
                publisher.packets);
        assertTrue(publisher.closed);
        assertEquals(List.of("1", "2"), subscriber.receivedPayloads());
    }

    @Test
    void aResentQos2PublishIsNotCountedTwiceNorDeliveredTwice() {
        use(maxInflight(2));
        TestClient subscriber = subscriber("#", QoS.EXACTLY_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("t").payload("1").qos(QoS.EXACTLY_ONCE, 1));
        publisher.publish(Publish.to("t").payload("2").qos(QoS.EXACTLY_ONCE, 2));
        publisher.publish(Publish.to("t").payload("2").qos(QoS.EXACTLY_ONCE, 2).dup());

        assertEquals(List.of("PUBREC 1 SUCCESS", "PUBREC 2 SUCCESS", "PUBREC 2 SUCCESS"), publisher.packets("PUBREC"));
        assertFalse(publisher.closed);
        assertEquals(List.of("1", "2"), subscriber.receivedPayloads());
    }

    @Test
    void pubrelFreesItsSlotForTheNextQos2Message() {
        use(maxInflight(2));
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").qos(QoS.EXACTLY_ONCE, 1));
        publisher.publish(Publish.to("t").qos(QoS.EXACTLY_ONCE, 2));
        publisher.connection.pubrel(1);
        publisher.publish(Publish.to("t").qos(QoS.EXACTLY_ONCE, 3));

        assertEquals("PUBCOMP 1 SUCCESS", publisher.packets("PUBCOMP").get(0));
        assertEquals("PUBREC 3 NO_MATCHING_SUBSCRIBERS", publisher.lastPacket());
        assertFalse(publisher.closed);
    }

    @Test
    void qos1MessagesAreAcknowledgedAtOnceSoTheyNeverExceedTheReceiveMaximum() {
        use(maxInflight(1));
        TestClient publisher = harness.v5("publisher");
        for (int id = 1; id <= 5; id++) {
            publisher.publish(Publish.to("t").qos(QoS.AT_LEAST_ONCE, id));
        }
        assertEquals(5, publisher.packets("PUBACK").size());
        assertFalse(publisher.closed);
    }

    @Test
    void mqtt311ClientsAreNotDisconnectedForTooManyUnreleasedQos2Messages() {
        use(maxInflight(1));
        TestClient publisher = harness.v311("old", true);
        publisher.publish("t", "1", QoS.EXACTLY_ONCE);
        publisher.publish("t", "2", QoS.EXACTLY_ONCE);
        assertEquals(2, publisher.packets("PUBREC").size());
        assertFalse(publisher.closed);
    }

    @Test
    void aPubrelForAnUnknownIdIsAnsweredWithPacketIdentifierNotFound() {
        TestClient publisher = harness.v5("publisher");
        publisher.connection.pubrel(42);
        assertEquals("PUBCOMP 42 PACKET_IDENTIFIER_NOT_FOUND", publisher.lastPacket());
    }

    // ---- Receive Maximum: the client's, for what the broker sends ----

    @Test
    void theBrokerNeverHasMoreMessagesInFlightToAClientThanItsReceiveMaximum() {
        TestClient subscriber = harness.v5("subscriber", true, 0, 2, null);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");
        for (int i = 1; i <= 5; i++) {
            publisher.publish(Publish.to("t").payload("m" + i).qos(QoS.AT_LEAST_ONCE, i));
        }
        assertEquals(List.of("m1", "m2"), subscriber.receivedPayloads());

        subscriber.connection.puback(1);
        assertEquals(List.of("m1", "m2", "m3"), subscriber.receivedPayloads());
        subscriber.connection.puback(2);
        subscriber.connection.puback(3);
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5"), subscriber.receivedPayloads());
    }

    @Test
    void qos2FlowsCountUntilPubcomp() {
        TestClient subscriber = harness.v5("subscriber", true, 0, 1, null);
        subscriber.subscribe("t", QoS.EXACTLY_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").payload("m1").qos(QoS.EXACTLY_ONCE, 1));
        publisher.publish(Publish.to("t").payload("m2").qos(QoS.EXACTLY_ONCE, 2));

        subscriber.connection.pubrec(1);
        assertEquals(List.of("m1"), subscriber.receivedPayloads(), "PUBREC alone does not free the slot");
        assertEquals("PUBREL 1", subscriber.lastPacket());
        subscriber.connection.pubcomp(1);
        assertEquals(List.of("m1", "m2"), subscriber.receivedPayloads());
    }

    @Test
    void aPubrecWithAFailureCodeEndsTheFlowWithoutPubrel() {
        TestClient subscriber = harness.v5("subscriber", true, 0, 1, null);
        subscriber.subscribe("t", QoS.EXACTLY_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").payload("m1").qos(QoS.EXACTLY_ONCE, 1));
        publisher.publish(Publish.to("t").payload("m2").qos(QoS.EXACTLY_ONCE, 2));

        subscriber.connection.pubrec(1, 0x80);

        assertEquals(List.of(), subscriber.packets("PUBREL"));
        assertEquals(List.of("m1", "m2"), subscriber.receivedPayloads(), "the refused flow freed its slot");
    }

    @Test
    void theBrokersMaxInflightWinsOverALargerReceiveMaximum() {
        use(maxInflight(1));
        TestClient subscriber = harness.v5("subscriber", true, 0, 100, null);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").payload("m1").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("t").payload("m2").qos(QoS.AT_LEAST_ONCE, 2));
        assertEquals(List.of("m1"), subscriber.receivedPayloads());
    }

    @Test
    void aMessageTooBigForTheClientIsDroppedWithoutHoldingUpTheOthers() {
        TestClient subscriber = harness.v5("subscriber", true, 0, 1, null);
        subscriber.maxPayload = 3; // the transport refuses what exceeds the client's Maximum Packet Size
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("t").payload("too long").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("t").payload("ok").qos(QoS.AT_LEAST_ONCE, 2));

        assertEquals(List.of("ok"), subscriber.receivedPayloads(), "no flight was left waiting for the big one");
    }

    @Test
    void aMessageTooBigForTheClientIsCountedAsDroppedOnce() {
        TestClient subscriber = harness.v5("subscriber");
        subscriber.maxPayload = 3;
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        harness.v5("publisher").publish(Publish.to("t").payload("too long").qos(QoS.AT_LEAST_ONCE, 1));
        assertEquals(1, harness.broker.metrics().messagesDropped());
    }

    // ---- reason codes of PUBACK and PUBREC ----

    @Test
    void aMessageNobodySubscribedToIsAcknowledgedWithNoMatchingSubscribers() {
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("nobody/listens").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("nobody/listens").qos(QoS.EXACTLY_ONCE, 2));
        assertEquals(List.of("CONNACK 0", "PUBACK 1 NO_MATCHING_SUBSCRIBERS", "PUBREC 2 NO_MATCHING_SUBSCRIBERS"),
                publisher.packets);
    }

    @Test
    void aMessageWithSubscribersIsAcknowledgedWithSuccess() {
        subscriber("sensors/+", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("sensors/1").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("sensors/2").qos(QoS.EXACTLY_ONCE, 2));
        publisher.publish(Publish.to("other").qos(QoS.AT_LEAST_ONCE, 3));
        assertEquals(List.of("PUBACK 1 SUCCESS", "PUBACK 3 NO_MATCHING_SUBSCRIBERS"), publisher.packets("PUBACK"));
        assertEquals(List.of("PUBREC 2 SUCCESS"), publisher.packets("PUBREC"));
    }

    @Test
    void aSubscriberTheAclDoesNotLetReadTheTopicDoesNotCountAsAMatch() {
        use(BrokerSettings.defaults(), "topic write #\nuser reader\ntopic read public/#\n");
        TestClient reader = harness.connect(new ConnectRequest(5, "r", true, 60, "reader", null, null, false,
                BrokerHarness.v5Properties(0, 65_535)));
        reader.subscribe("#", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("private/x").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("public/x").qos(QoS.AT_LEAST_ONCE, 2));
        assertEquals(List.of("PUBACK 1 NO_MATCHING_SUBSCRIBERS", "PUBACK 2 SUCCESS"), publisher.packets("PUBACK"));
        assertEquals(List.of("public/x"), reader.receivedTopics());
    }

    @Test
    void aPublishTheAclDeniesIsRefusedWithNotAuthorizedAndNotRouted() {
        use(BrokerSettings.defaults(), "topic read #\ntopic write public/#\n");
        TestClient subscriber = subscriber("#", QoS.EXACTLY_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("private/a").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("private/b").qos(QoS.EXACTLY_ONCE, 2));
        publisher.publish(Publish.to("private/c"));
        publisher.publish(Publish.to("public/d").qos(QoS.AT_LEAST_ONCE, 3));

        assertEquals(List.of("CONNACK 0", "PUBACK 1 NOT_AUTHORIZED", "PUBREC 2 NOT_AUTHORIZED", "PUBACK 3 SUCCESS"),
                publisher.packets);
        assertFalse(publisher.closed, "a denied QoS 0 message is dropped silently");
        assertEquals(List.of("public/d"), subscriber.receivedTopics());
    }

    @Test
    void aRefusedQos2MessageStartsNoFlowSoItsIdIsFreeAtOnce() {
        use(BrokerSettings.defaults(), "topic write public/#\n");
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("private/a").qos(QoS.EXACTLY_ONCE, 1));
        publisher.connection.pubrel(1);
        assertEquals(List.of("PUBREC 1 NOT_AUTHORIZED", "PUBCOMP 1 PACKET_IDENTIFIER_NOT_FOUND"),
                publisher.packets.subList(1, 3));
    }

    @Test
    void aPayloadDeclaredUtf8ThatIsNotIsRefusedWithPayloadFormatInvalid() {
        TestClient subscriber = subscriber("#", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("text").payload(NOT_UTF8).utf8().qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("text").payload(NOT_UTF8).utf8().qos(QoS.EXACTLY_ONCE, 2));
        publisher.publish(Publish.to("text").payload("grüße").utf8().qos(QoS.AT_LEAST_ONCE, 3));
        publisher.publish(Publish.to("binary").payload(NOT_UTF8).qos(QoS.AT_LEAST_ONCE, 4));

        assertEquals(List.of("CONNACK 0", "PUBACK 1 PAYLOAD_FORMAT_INVALID", "PUBREC 2 PAYLOAD_FORMAT_INVALID",
                "PUBACK 3 SUCCESS", "PUBACK 4 SUCCESS"), publisher.packets);
        assertEquals(List.of("grüße"), subscriber.receivedPayloads().subList(0, 1));
        assertEquals(List.of("text", "binary"), subscriber.receivedTopics());
    }

    @Test
    void aQos0PayloadDeclaredUtf8ThatIsNotEndsTheConnection() {
        TestClient subscriber = subscriber("#", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("text").payload(NOT_UTF8).utf8());
        assertEquals("DISCONNECT PAYLOAD_FORMAT_INVALID", publisher.lastPacket());
        assertTrue(publisher.closed);
        assertEquals(List.of(), subscriber.received);
    }

    @Test
    void aPayloadOverMessageSizeLimitIsRefusedWithQuotaExceeded() {
        BrokerSettings defaults = BrokerSettings.defaults();
        use(new BrokerSettings(true, "auto-", 65_535, 4, defaults.sessionLimits()));
        TestClient subscriber = subscriber("#", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");

        publisher.publish(Publish.to("big").payload("12345").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("big").payload("12345").qos(QoS.EXACTLY_ONCE, 2));
        publisher.publish(Publish.to("big").payload("12345"));
        publisher.publish(Publish.to("fits").payload("1234").qos(QoS.AT_LEAST_ONCE, 3));

        assertEquals(List.of("CONNACK 0", "PUBACK 1 QUOTA_EXCEEDED", "PUBREC 2 QUOTA_EXCEEDED", "PUBACK 3 SUCCESS"),
                publisher.packets);
        assertFalse(publisher.closed);
        assertEquals(List.of("fits"), subscriber.receivedTopics());
    }

    // ---- max_qos and retain_available ----

    @Test
    void withMaxQos1Qos2IsNotSupportedAndSubscriptionsAreGrantedQos1() {
        use(settings(new ProtocolSettings(10, 0, QoS.AT_LEAST_ONCE, true, 0, null, false)));
        TestClient subscriber = harness.v5("subscriber");
        assertEquals(1, subscriber.connack().properties().maximumQos());
        subscriber.subscribe("#", QoS.EXACTLY_ONCE);
        assertEquals("SUBACK 1 [1]", subscriber.lastPacket());

        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").qos(QoS.AT_LEAST_ONCE, 1));
        assertEquals("PUBACK 1 SUCCESS", publisher.lastPacket());
        publisher.publish(Publish.to("t").qos(QoS.EXACTLY_ONCE, 2));
        assertEquals("DISCONNECT QOS_NOT_SUPPORTED", publisher.lastPacket());
        assertTrue(publisher.closed);
        assertEquals(1, subscriber.received.size());
    }

    @Test
    void connackLeavesOutMaximumQosAndRetainAvailableWhenEverythingIsAvailable() {
        Connack.Properties properties = harness.v5("c").connack().properties();
        assertNull(properties.maximumQos());
        assertNull(properties.retainAvailable());
    }

    @Test
    void withoutRetainAvailableARetainedPublishEndsTheConnection() {
        use(settings(new ProtocolSettings(10, 0, QoS.EXACTLY_ONCE, false, 0, null, false)));
        TestClient subscriber = subscriber("#", QoS.AT_MOST_ONCE);
        TestClient publisher = harness.v5("publisher");
        assertEquals(Boolean.FALSE, publisher.connack().properties().retainAvailable());

        publisher.publish(Publish.to("plain").qos(QoS.AT_LEAST_ONCE, 1));
        publisher.publish(Publish.to("kept").retain().qos(QoS.AT_LEAST_ONCE, 2));

        assertEquals(List.of("CONNACK 0", "PUBACK 1 SUCCESS", "DISCONNECT RETAIN_NOT_SUPPORTED"), publisher.packets);
        assertTrue(publisher.closed);
        assertEquals(List.of("plain"), subscriber.receivedTopics());
        assertEquals(0, harness.broker.retainedCount());
    }

    private void use(BrokerSettings settings, String aclFile) {
        harness.close();
        harness = new BrokerHarness(settings, new AclAuthorizer(AclFileParser.parse(aclFile).rules()));
    }
}
