package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.noLocal;
import static io.culex.application.connection.BrokerHarness.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.connection.TestClient.Publish;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shared subscriptions, {@code $share/<group>/<filter>} (MQTT 5, 4.8.2): each message to one member of a group. */
class SharedSubscriptionTest {

    private final BrokerHarness harness = new BrokerHarness();
    private final TestClient publisher = harness.v5("publisher");

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    private TestClient member(String clientId, QoS qos) {
        TestClient member = harness.v5(clientId);
        member.subscribe("$share/workers/jobs/#", qos);
        return member;
    }

    private void publishJobs(int count, QoS qos) {
        for (int i = 1; i <= count; i++) {
            publisher.publish(Publish.to("jobs/" + i).payload("job" + i).qos(qos, qos == QoS.AT_MOST_ONCE ? 0 : i));
        }
    }

    @Test
    void membersTakeMessagesInTurnAndEachMessageGoesToExactlyOneOfThem() {
        TestClient a = member("a", QoS.AT_MOST_ONCE);
        TestClient b = member("b", QoS.AT_MOST_ONCE);
        TestClient c = member("c", QoS.AT_MOST_ONCE);

        publishJobs(6, QoS.AT_MOST_ONCE);

        assertEquals(List.of(2, 2, 2), List.of(a.received.size(), b.received.size(), c.received.size()));
        List<String> all = new ArrayList<>();
        all.addAll(a.receivedPayloads());
        all.addAll(b.receivedPayloads());
        all.addAll(c.receivedPayloads());
        assertEquals(List.of("job1", "job2", "job3", "job4", "job5", "job6"), all.stream().sorted().toList());
    }

    @Test
    void everyGroupAndEveryOrdinarySubscriberGetsItsOwnCopy() {
        TestClient a = member("a", QoS.AT_MOST_ONCE);
        TestClient b = member("b", QoS.AT_MOST_ONCE);
        TestClient auditor = harness.v5("auditor");
        auditor.subscribe("$share/audit/jobs/#", QoS.AT_MOST_ONCE);
        TestClient logger = harness.v5("logger");
        logger.subscribe("jobs/#", QoS.AT_MOST_ONCE);

        publishJobs(4, QoS.AT_MOST_ONCE);

        assertEquals(4, a.received.size() + b.received.size());
        assertEquals(4, auditor.received.size());
        assertEquals(4, logger.received.size());
    }

    @Test
    void aGroupCountsAsAMatchingSubscriberForThePuback() {
        member("a", QoS.AT_LEAST_ONCE);
        publisher.publish(Publish.to("jobs/1").qos(QoS.AT_LEAST_ONCE, 1));
        assertEquals("PUBACK 1 SUCCESS", publisher.lastPacket());
    }

    @Test
    void theMessageIsDeliveredAtTheLowerOfItsQosAndTheMembersGrantedQos() {
        TestClient a = member("a", QoS.AT_LEAST_ONCE);
        publisher.publish(Publish.to("jobs/1").qos(QoS.EXACTLY_ONCE, 1));
        publisher.publish(Publish.to("jobs/2"));
        assertEquals(List.of(QoS.AT_LEAST_ONCE, QoS.AT_MOST_ONCE), a.received.stream().map(Delivery::qos).toList());
    }

    @Test
    void eachMemberGetsItsOwnGrantedQosAndSubscriptionIdentifier() {
        TestClient a = harness.v5("a");
        a.subscribe(11, sub("$share/workers/jobs/#", QoS.AT_MOST_ONCE));
        TestClient b = harness.v5("b");
        b.subscribe(22, sub("$share/workers/jobs/#", QoS.EXACTLY_ONCE));

        publishJobs(2, QoS.EXACTLY_ONCE);

        assertEquals(QoS.AT_MOST_ONCE, a.lastReceived().qos());
        assertEquals(List.of(11), a.lastReceived().subscriptionIds());
        assertEquals(QoS.EXACTLY_ONCE, b.lastReceived().qos());
        assertEquals(List.of(22), b.lastReceived().subscriptionIds());
    }

    @Test
    void noLocalOnASharedSubscriptionIsAProtocolErrorAndNothingIsSubscribed() {
        TestClient client = harness.v5("client");
        client.subscribe(0, sub("plain", QoS.AT_MOST_ONCE), noLocal(sub("$share/g/t", QoS.AT_MOST_ONCE)));
        assertEquals(List.of("CONNACK 0", "DISCONNECT PROTOCOL_ERROR"), client.packets);
        assertTrue(client.closed);
        assertEquals(0, harness.broker.subscriptionCount());
    }

    @Test
    void malformedShareNamesAreRefusedWithTopicFilterInvalid() {
        TestClient client = harness.v5("client");
        client.subscribe(0, sub("$share//t", QoS.AT_MOST_ONCE), sub("$share/g", QoS.AT_MOST_ONCE),
                sub("$share/g+/t", QoS.AT_MOST_ONCE), sub("$share/g#/t", QoS.AT_MOST_ONCE),
                sub("$share/g/", QoS.AT_MOST_ONCE), sub("$share/g/a/#/b", QoS.AT_MOST_ONCE),
                sub("$share/g/ok", QoS.AT_LEAST_ONCE));
        assertEquals("SUBACK 1 [143, 143, 143, 143, 143, 143, 1]", client.lastPacket());
        assertFalse(client.closed);
        assertEquals(1, harness.broker.subscriptionCount());
    }

    @Test
    void anMqtt311ClientGets0x80ForAMalformedShareName() {
        TestClient client = harness.v311("old", true);
        client.subscribe(0, sub("$share//t", QoS.AT_MOST_ONCE), sub("$share/g/t", QoS.AT_MOST_ONCE));
        assertEquals("SUBACK 1 [128, 0]", client.lastPacket());
    }

    @Test
    void noRetainedMessagesAreSentForASharedSubscription() {
        publisher.publish(Publish.to("jobs/1").retain());
        TestClient a = member("a", QoS.AT_MOST_ONCE);
        assertEquals(List.of("CONNACK 0", "SUBACK 1 [0]"), a.packets);

        publisher.publish(Publish.to("jobs/2").retain());
        assertEquals(List.of("jobs/2"), a.receivedTopics(), "live retained messages still reach the group");
        assertFalse(a.lastReceived().retainFlag());
    }

    @Test
    void aMemberThatUnsubscribesLeavesTheGroup() {
        TestClient a = member("a", QoS.AT_MOST_ONCE);
        TestClient b = member("b", QoS.AT_MOST_ONCE);
        a.connection.unsubscribe(9, List.of("$share/workers/jobs/#"));
        assertEquals("UNSUBACK 9 [SUCCESS]", a.lastPacket());

        publishJobs(3, QoS.AT_MOST_ONCE);

        assertEquals(0, a.received.size());
        assertEquals(3, b.received.size());
    }

    @Test
    void unacknowledgedMessagesOfAMemberThatLeavesGoToAnotherMember() {
        TestClient a = member("a", QoS.AT_LEAST_ONCE);
        TestClient b = member("b", QoS.AT_LEAST_ONCE);
        publishJobs(2, QoS.AT_LEAST_ONCE);
        TestClient leaving = a.received.size() == 1 ? a : b;
        TestClient staying = leaving == a ? b : a;
        String unacknowledged = leaving.receivedPayloads().get(0);

        leaving.lose();

        assertEquals(2, staying.received.size());
        assertEquals(unacknowledged, staying.receivedPayloads().get(1));
    }

    @Test
    void unacknowledgedAndQueuedMessagesOfAPersistentMemberGoToAnotherMemberAndAreNotResent() {
        TestClient a = harness.v5("a", true, 600, 1, null); // Receive Maximum 1: one in flight, the rest queued
        a.subscribe("$share/workers/jobs/#", QoS.AT_LEAST_ONCE);
        TestClient b = member("b", QoS.AT_LEAST_ONCE);

        publishJobs(4, QoS.AT_LEAST_ONCE);
        assertEquals(List.of("job1"), a.receivedPayloads(), "job3 waits in a's queue");
        assertEquals(List.of("job2", "job4"), b.receivedPayloads());

        a.lose();

        assertEquals(List.of("job2", "job4", "job1", "job3"), b.receivedPayloads());
        assertEquals(3, harness.broker.sessionCount(), "a's session lives on");

        TestClient aAgain = harness.v5("a", false, 600, 1, null);
        assertEquals(List.of("CONNACK 0 present"), aAgain.packets, "what b took is not sent to a again");
    }

    @Test
    void aQos2MessageAPersistentMemberMayAlreadyHaveStaysWithIt() {
        TestClient a = harness.v5("a", true, 600, null);
        a.subscribe("$share/workers/jobs/#", QoS.EXACTLY_ONCE);
        TestClient b = member("b", QoS.EXACTLY_ONCE);
        publisher.publish(Publish.to("jobs/1").payload("job1").qos(QoS.EXACTLY_ONCE, 1));
        assertEquals(List.of("job1"), a.receivedPayloads());

        a.lose();
        assertEquals(List.of(), b.received);

        TestClient aAgain = harness.v5("a", false, 600, null);
        assertEquals(List.of("CONNACK 0 present", "PUBLISH 1 jobs/1 dup"), aAgain.packets);
    }

    @Test
    void aQos2MessageOfAMemberWhoseSessionEndsGoesToAnotherMember() {
        TestClient a = member("a", QoS.EXACTLY_ONCE);
        TestClient b = member("b", QoS.EXACTLY_ONCE);
        publisher.publish(Publish.to("jobs/1").payload("job1").qos(QoS.EXACTLY_ONCE, 1));
        assertEquals(List.of("job1"), a.receivedPayloads());

        a.lose();

        assertEquals(List.of("job1"), b.receivedPayloads());
    }

    @Test
    void connectedMembersAreChosenOverOfflineOnes() {
        TestClient a = harness.v5("a", true, 600, null);
        a.subscribe("$share/workers/jobs/#", QoS.AT_LEAST_ONCE);
        TestClient b = member("b", QoS.AT_LEAST_ONCE);
        a.lose();

        publishJobs(3, QoS.AT_LEAST_ONCE);

        assertEquals(3, b.received.size());
        assertEquals(List.of("CONNACK 0 present"), harness.v5("a", false, 600, null).packets);
    }

    @Test
    void whenEveryMemberIsOfflineOneKeepsTheMessageForItsReturn() {
        TestClient a = harness.v5("a", true, 600, null);
        a.subscribe("$share/workers/jobs/#", QoS.AT_LEAST_ONCE);
        a.lose();

        publisher.publish(Publish.to("jobs/1").payload("job1").qos(QoS.AT_LEAST_ONCE, 1));
        assertEquals("PUBACK 1 SUCCESS", publisher.lastPacket());

        TestClient aAgain = harness.v5("a", false, 600, null);
        assertEquals(List.of("job1"), aAgain.receivedPayloads());
    }
}
