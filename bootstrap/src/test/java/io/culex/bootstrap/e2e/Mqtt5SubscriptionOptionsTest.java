package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets5.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.RawPackets5.Props;
import io.culex.bootstrap.e2e.RawPackets5.Received;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MQTT 5 subscription options (3.8.3.1) and shared subscriptions (4.8.2) over raw sockets:
 * Retain As Published, Retain Handling, share name validation, no retained messages for shared
 * subscriptions, unsubscribe reason codes, and a leaving member's messages going to another.
 */
class Mqtt5SubscriptionOptionsTest extends Mqtt5TestSupport {

    @BeforeEach
    void startDefaultBroker() {
        start();
    }

    private void publishRetained(RawMqtt5Client publisher, String topic, String payload, int packetId)
            throws Exception {
        publisher.send(RawPackets5.publish(topic, payload, 1, true, packetId, Props.none()));
        publisher.expect(RawPackets5.PUBACK);
    }

    /** [MQTT-3.3.1-12], [MQTT-3.3.1-13]: live messages keep RETAIN only with Retain As Published; sent-on-subscribe ones always have it. */
    @Test
    void retainAsPublishedKeepsTheRetainFlagOnLiveMessages() throws Exception {
        RawMqtt5Client publisher = raw("rap-pub");
        publishRetained(publisher, "rap/old", "old", 1);
        RawMqtt5Client keeps = raw("rap-keeps");
        assertEquals(List.of(0), keeps.subscribe(1, "rap/#", options(0, false, true, 0)));
        RawMqtt5Client clears = raw("rap-clears");
        assertEquals(List.of(0), clears.subscribe(1, "rap/#", options(0, false, false, 0)));
        for (RawMqtt5Client client : List.of(keeps, clears)) {
            Received old = client.expect(RawPackets5.PUBLISH);
            assertEquals("rap/old", old.topic());
            assertTrue(old.retain(), "a retained message sent on subscribing is flagged retained");
        }

        publishRetained(publisher, "rap/new", "new", 2);
        publisher.publishQos1("rap/plain", "plain", 3, Props.none());
        Received keptNew = keeps.expect(RawPackets5.PUBLISH);
        assertEquals("rap/new", keptNew.topic());
        assertTrue(keptNew.retain(), "Retain As Published keeps the flag");
        assertFalse(keeps.expect(RawPackets5.PUBLISH).retain(), "not retained when published");
        Received clearedNew = clears.expect(RawPackets5.PUBLISH);
        assertEquals("rap/new", clearedNew.topic());
        assertFalse(clearedNew.retain(), "without Retain As Published the flag is cleared");
        assertFalse(clears.expect(RawPackets5.PUBLISH).retain());
    }

    /** 3.8.3.1 Retain Handling: 0 always, 1 only for a new subscription, 2 never. */
    @Test
    void retainHandlingDecidesWhenRetainedMessagesAreSent() throws Exception {
        RawMqtt5Client publisher = raw("rh-pub");
        publishRetained(publisher, "rh/x", "retained", 1);

        RawMqtt5Client always = raw("rh-0");
        always.subscribe(1, "rh/#", options(1, false, false, 0));
        assertEquals("rh/x", always.expect(RawPackets5.PUBLISH).topic());
        always.subscribe(2, "rh/#", options(0, false, false, 0));
        assertEquals("rh/x", always.expect(RawPackets5.PUBLISH).topic(), "again on re-subscribing");

        RawMqtt5Client ifNew = raw("rh-1");
        ifNew.subscribe(1, "rh/#", options(0, false, false, 1));
        assertEquals("rh/x", ifNew.expect(RawPackets5.PUBLISH).topic());
        ifNew.subscribe(2, "rh/#", options(0, false, false, 1));
        ifNew.assertSilentFor(300);

        RawMqtt5Client never = raw("rh-2");
        never.subscribe(1, "rh/#", options(0, false, false, 2));
        never.assertSilentFor(300);
        publisher.publishQos1("rh/x", "live", 2, Props.none());
        assertEquals("live", never.expect(RawPackets5.PUBLISH).payloadText(), "live messages still arrive");
        assertEquals("live", ifNew.expect(RawPackets5.PUBLISH).payloadText());
    }

    /** [MQTT-3.8.3-4]: No Local on a shared subscription is a Protocol Error. */
    @Test
    void noLocalOnASharedSubscriptionIsAProtocolError() throws Exception {
        RawMqtt5Client client = raw("shared-no-local");
        client.send(RawPackets5.subscribe(1, "$share/g/t", options(1, true, false, 0)));
        client.expectDisconnect(0x82);
        assertEquals(0, broker.broker().broker().subscriptionCount(), "nothing was subscribed");
    }

    /** [MQTT-4.8.2-1], [MQTT-4.8.2-2]: a share name is non-empty, without '+' or '#', followed by '/' and a filter. */
    @Test
    void malformedShareNamesAreRefusedOneByOne() throws Exception {
        RawMqtt5Client client = raw("share-names");
        client.send(RawPackets5.subscribe(1, Props.none(),
                List.of("$share//t", "$share/g+/t", "$share/g#/t", "$share/g", "$share/g/", "$share/g/t"),
                List.of(1, 1, 1, 1, 1, 1)));
        Received suback = client.expect(RawPackets5.SUBACK);
        assertEquals(List.of(0x8F, 0x8F, 0x8F, 0x8F, 0x8F, 0x01), suback.codes());
    }

    /** 4.8.2 / 3.8.4: retained messages are not sent to a shared subscription. */
    @Test
    void aSharedSubscriptionGetsNoRetainedMessages() throws Exception {
        RawMqtt5Client publisher = raw("shared-ret-pub");
        publishRetained(publisher, "sr/x", "retained", 1);
        RawMqtt5Client member = raw("shared-ret-member");
        assertEquals(List.of(1), member.subscribe(1, "$share/g/sr/#", options(1, false, false, 0)));
        member.assertSilentFor(300);
        publisher.publishQos1("sr/x", "live", 2, Props.none());
        Received live = member.expect(RawPackets5.PUBLISH);
        assertEquals("live", live.payloadText());
    }

    /** 3.11.2.2: UNSUBACK says 0x00 Success or 0x11 No subscription existed, per filter. */
    @Test
    void unsubscribeSaysWhetherThereWasASubscription() throws Exception {
        RawMqtt5Client client = raw("unsub");
        client.subscribe(1, "u/a", 1);
        client.subscribe(2, "$share/g/u/s", 1);
        client.send(RawPackets5.unsubscribe(3, "u/a", "u/b", "$share/g/u/s", "$share/other/u/s"));
        Received unsuback = client.expect(RawPackets5.UNSUBACK);
        assertEquals(3, unsuback.packetId());
        assertEquals(List.of(0x00, 0x11, 0x00, 0x11), unsuback.codes());
        client.send(RawPackets5.unsubscribe(4, "u/a"));
        assertEquals(List.of(0x11), client.expect(RawPackets5.UNSUBACK).codes(), "gone the second time");
    }

    /**
     * 4.8.2: QoS 1 messages a member was sent but had not acknowledged when its connection broke
     * go to another member once its session ends or (as Culex does) as soon as it is offline.
     */
    @ParameterizedTest(name = "session expiry {0}")
    @ValueSource(longs = {0, 60})
    void aLeavingMembersUnacknowledgedMessagesGoToAnother(long sessionExpiry) throws Exception {
        RawMqtt5Client leaving = raw("member-a",
                new Props().fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, sessionExpiry));
        assertEquals(List.of(1), leaving.subscribe(1, "$share/grp/work/#", 1));
        RawMqtt5Client staying = raw("member-b");
        assertEquals(List.of(1), staying.subscribe(1, "$share/grp/work/#", 1));
        RawMqtt5Client producer = raw("producer");
        Set<String> all = new HashSet<>();
        for (int i = 1; i <= 6; i++) {
            assertEquals(0x00, producer.publishQos1("work/" + i, "job-" + i, i, Props.none()).reasonCode());
            all.add("job-" + i);
        }

        List<String> seenByLeaving = new ArrayList<>();
        for (Received job = leaving.nextWithin(1000); job != null; job = leaving.nextWithin(300)) {
            seenByLeaving.add(job.payloadText());
            if (seenByLeaving.size() == 1) {
                leaving.send(RawPackets5.puback(job.packetId())); // the only one it completes
            }
        }
        assertTrue(seenByLeaving.size() >= 2, "member A got " + seenByLeaving);
        leaving.close();

        Set<String> expectedByStaying = new HashSet<>(all);
        expectedByStaying.remove(seenByLeaving.get(0));
        List<String> seenByStaying = new ArrayList<>();
        for (Received job = staying.nextWithin(3000); job != null; job = staying.nextWithin(500)) {
            seenByStaying.add(job.payloadText());
            staying.send(RawPackets5.puback(job.packetId()));
            if (seenByStaying.size() == expectedByStaying.size()) {
                break;
            }
        }
        assertEquals(expectedByStaying, new HashSet<>(seenByStaying), "B got " + seenByStaying + ", A got "
                + seenByLeaving);
        assertEquals(expectedByStaying.size(), seenByStaying.size(), "no duplicates: " + seenByStaying);
        staying.assertSilentFor(200);
    }
}
