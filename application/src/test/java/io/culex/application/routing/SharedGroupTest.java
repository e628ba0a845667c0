package io.culex.application.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.session.SessionActor;
import io.culex.application.session.SessionAttachment;
import io.culex.domain.message.QoS;
import io.culex.domain.port.Authorizer.Permissions;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.Session;
import io.culex.domain.session.SessionLimits;
import io.culex.domain.session.Transmitter;
import io.culex.domain.topic.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Picking the one member of a shared subscription group that gets a message. */
class SharedGroupTest {

    private static final Subscription QOS1 = Subscription.of("$share/g/t", QoS.AT_LEAST_ONCE);

    private final SharedGroup group = new SharedGroup("$share/g/t");

    @Test
    void connectedMembersTakeMessagesInTurn() {
        member("a", true);
        member("b", true);
        member("c", true);
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), picks(7, null));
    }

    @Test
    void connectedMembersArePreferredToOfflineOnes() {
        member("offline-1", false);
        member("online", true);
        member("offline-2", false);
        assertEquals(List.of("online", "online", "online", "online"), picks(4, null));
    }

    @Test
    void anOfflineMemberTakesTheMessageWhenNobodyIsConnected() {
        member("offline-1", false);
        member("offline-2", false);
        List<String> picked = picks(4, null);
        assertTrue(picked.stream().allMatch(id -> id.startsWith("offline-")), picked::toString);
    }

    @Test
    void theExcludedMemberIsNeverPicked() {
        SessionActor leaving = member("leaving", true);
        member("other", true);
        assertEquals(List.of("other", "other", "other"), picks(3, leaving));
    }

    @Test
    void nobodyIsPickedWhenTheOnlyMemberIsExcluded() {
        SessionActor leaving = member("leaving", true);
        assertNull(group.pick("t", leaving));
    }

    @Test
    void anEmptyGroupPicksNobody() {
        assertNull(group.pick("t", null));
        assertTrue(group.isEmpty());
    }

    @Test
    void membersTheAclDoesNotLetReadTheTopicAreSkipped() {
        SessionActor blind = member("blind", true);
        blind.permissions(new Permissions() {
            @Override public boolean canPublish(String topic) { return true; }
            @Override public boolean canSubscribe(String filter) { return true; }
            @Override public boolean canReceive(String topic) { return !topic.equals("secret"); }
        });
        member("reader", true);
        assertEquals("reader", group.pick("secret", null).actor().clientId());
        assertEquals("reader", group.pick("secret", null).actor().clientId());
    }

    @Test
    void subscribingAgainReplacesTheMembersOptionsWithoutAddingAMember() {
        SessionActor a = member("a", true);
        Subscription qos2 = Subscription.of("$share/g/t", QoS.EXACTLY_ONCE);
        group.put(a, qos2);
        assertEquals(1, group.size());
        assertSame(qos2, group.pick("t", null).subscription());
    }

    @Test
    void aRemovedMemberGetsNothingMore() {
        SessionActor a = member("a", true);
        member("b", true);
        assertTrue(group.remove(a));
        assertEquals(List.of("b", "b"), picks(2, null));
        assertFalse(group.remove(a), "already gone");
    }

    private List<String> picks(int count, SessionActor excluded) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(group.pick("t", excluded).actor().clientId());
        }
        return ids;
    }

    /** A session that joined the group, allowed to read everything, with or without a connection. */
    private SessionActor member(String clientId, boolean online) {
        SessionActor actor = new SessionActor(new Session(clientId, Session.NEVER_EXPIRES, SessionLimits.defaults(),
                () -> 0L), Runnable::run, new BrokerMetrics());
        actor.permissions(Permissions.ALL);
        if (online) {
            actor.execute(() -> actor.attach(new Connection()));
        }
        group.put(actor, QOS1);
        return actor;
    }

    private static final class Connection implements SessionAttachment {
        @Override public Transmitter transmitter() {
            return new Transmitter() {
                @Override public boolean publish(int packetId, Delivery delivery, boolean dup) { return true; }
                @Override public void pubrel(int packetId) { }
            };
        }
        @Override public void flush() { }
        @Override public Executor eventLoop() { return Runnable::run; }
        @Override public void takenOver() { }
        @Override public boolean isWritable() { return true; }
        @Override public void readingNeeded() { }
    }
}
