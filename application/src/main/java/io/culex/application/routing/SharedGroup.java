package io.culex.application.routing;

import io.culex.application.session.SessionActor;
import io.culex.domain.topic.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The members of one shared subscription {@code $share/<group>/<filter>}. Each message goes
 * to one member, taken in turn (round robin); connected members are preferred, so a message
 * waits in an offline member's queue only when nobody else can take it.
 */
final class SharedGroup {

    /** A member and the options it subscribed with. */
    record Member(SessionActor actor, Subscription subscription) {
    }

    private final String text;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    SharedGroup(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    void put(SessionActor actor, Subscription subscription) {
        remove(actor);
        members.add(new Member(actor, subscription));
    }

    boolean remove(SessionActor actor) {
        return members.removeIf(member -> member.actor() == actor);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    /**
     * The member to receive a message on {@code topic}: the next connected one allowed to read it,
     * else the next offline one allowed to; never {@code excluded}. Null if there is none.
     */
    Member pick(String topic, SessionActor excluded) {
        Object[] snapshot = members.toArray();
        int count = snapshot.length;
        if (count == 0) {
            return null;
        }
        int start = Math.floorMod(turn.getAndIncrement(), count);
        Member offlineChoice = null;
        for (int i = 0; i < count; i++) {
            Member member = (Member) snapshot[(start + i) % count];
            if (member.actor() == excluded || !member.actor().mayReceive(topic)) {
                continue;
            }
            if (member.actor().isOnline()) {
                return member;
            }
            if (offlineChoice == null) {
                offlineChoice = member;
            }
        }
        return offlineChoice;
    }
}
