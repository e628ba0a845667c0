package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packet ids come back when flights end, however they end, so a long-lived session never runs out. */
class SessionPacketIdTest {

    private final RecordingTransmitter out = new RecordingTransmitter();

    private static Delivery live(String topic, QoS qos) {
        return Delivery.live(new Message(topic, "x".getBytes(StandardCharsets.UTF_8), qos, false), qos);
    }

    @Test
    void moreFlightsThanPacketIdsWrapAroundWhenEachIsAcknowledged() {
        Session session = new Session("c1", true, new SessionLimits(10, 100, Long.MAX_VALUE, false));
        session.resume(out);
        for (int sent = 0; sent < 70_000; sent++) {
            session.offer(live("t", sent % 2 == 0 ? QoS.AT_LEAST_ONCE : QoS.EXACTLY_ONCE), out);
            int id = sent % 65_535 + 1;
            assertEquals(id, session.inflight().get(0).packetId());
            if (sent % 2 == 0) {
                assertTrue(session.acknowledgePuback(id, out));
            } else {
                assertTrue(session.acknowledgePubrec(id, out));
                assertTrue(session.acknowledgePubcomp(id, out));
            }
        }
        assertTrue(session.inflight().isEmpty());
    }

    @Test
    void restoredFlightsKeepTheirIdsAndNewFlightsTakeOthers() {
        Session session = new Session("c1", 60, new SessionLimits(10, 100, Long.MAX_VALUE, false), () -> 0L);
        session.restoreFlight(1, live("restored-1", QoS.AT_LEAST_ONCE), false);
        session.restoreFlight(2, live("restored-2", QoS.EXACTLY_ONCE), true);
        session.resume(out);
        out.takeAll();

        session.offer(live("new", QoS.AT_LEAST_ONCE), out);

        assertEquals(List.of("PUBLISH 3 new q1"), out.takeAll());
        assertTrue(session.acknowledgePuback(1, out));
        assertTrue(session.acknowledgePubcomp(2, out));
        assertTrue(session.acknowledgePuback(3, out));
        session.offer(live("next", QoS.AT_LEAST_ONCE), out);
        assertEquals(List.of("PUBLISH 4 next q1"), out.takeAll(), "round robin goes on after the last id");
    }

    @Test
    void idsOfFlightsTakenForAnotherSharedMemberAreFreed() {
        Session session = new Session("c1", true, new SessionLimits(10, 100, Long.MAX_VALUE, false));
        session.resume(out);
        Message message = new Message("t", "x".getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, false);
        for (int round = 0; round < 70_000; round++) { // more than 65535: a leaked id would exhaust them
            session.offer(new Delivery(message, QoS.AT_LEAST_ONCE, false, List.of(), "$share/g/t"), out);
            assertEquals(1, session.takeSharedDeliveries(false).size());
        }
        assertTrue(session.inflight().isEmpty());
    }
}
