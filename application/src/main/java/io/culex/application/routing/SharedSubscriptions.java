package io.culex.application.routing;

import io.culex.application.persistence.DurabilityTicket;
import io.culex.application.session.SessionActor;
import io.culex.domain.message.Message;
import io.culex.domain.session.Delivery;
import io.culex.domain.topic.SharedFilter;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.SubscriptionIndex;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared subscriptions ({@code $share/<group>/<filter>}, MQTT 5 section 4.8.2): groups indexed by
 * their filter, so matching costs the same as for ordinary subscriptions. Reads are lock-free;
 * membership changes are serialised.
 */
final class SharedSubscriptions {

    private final SubscriptionIndex<SharedGroup, Boolean> index = new SubscriptionIndex<>();
    private final Map<String, SharedGroup> groups = new ConcurrentHashMap<>();

    synchronized void subscribe(SessionActor actor, Subscription subscription) {
        SharedFilter shared = SharedFilter.parse(subscription.filter());
        SharedGroup group = groups.computeIfAbsent(subscription.filter(), SharedGroup::new);
        group.put(actor, subscription);
        index.subscribe(shared.filter(), group, Boolean.TRUE);
    }

    synchronized boolean unsubscribe(SessionActor actor, String sharedText) {
        SharedGroup group = groups.get(sharedText);
        if (group == null || !group.remove(actor)) {
            return false;
        }
        if (group.isEmpty()) {
            groups.remove(sharedText);
            index.unsubscribe(SharedFilter.parse(sharedText).filter(), group);
        }
        return true;
    }

    /** Hands the message to one member of every group whose filter matches. @return how many groups took it */
    int route(Message message, DurabilityTicket ticket) {
        int[] delivered = new int[1];
        index.match(message.topic(), (group, filter, ignored) -> {
            if (send(group, message, null, ticket)) {
                delivered[0]++;
            }
        });
        return delivered[0];
    }

    /** Whether any group's filter matches {@code topic}. */
    boolean matches(String topic) {
        boolean[] found = new boolean[1];
        index.match(topic, (group, filter, ignored) -> found[0] = true);
        return found[0];
    }

    /**
     * Gives deliveries a leaving member did not complete to other members of their groups.
     *
     * @return the deliveries nobody else could take
     */
    List<Delivery> redistribute(List<Delivery> deliveries, SessionActor leaving) {
        return deliveries.stream().filter(delivery -> {
            SharedGroup group = groups.get(delivery.sharedFilter());
            return group == null || !send(group, delivery.message(), leaving, null);
        }).toList();
    }

    private static boolean send(SharedGroup group, Message message, SessionActor excluded, DurabilityTicket ticket) {
        SharedGroup.Member member = group.pick(message.topic(), excluded);
        if (member == null) {
            return false;
        }
        Subscription subscription = member.subscription();
        List<Integer> ids = subscription.hasIdentifier() ? List.of(subscription.identifier()) : List.of();
        boolean retainFlag = subscription.retainAsPublished() && message.retain();
        member.actor().deliver(new Delivery(message, message.qos().min(subscription.maxQos()), retainFlag, ids,
                group.text()), ticket);
        return true;
    }

    int memberCount() {
        return groups.values().stream().mapToInt(SharedGroup::size).sum();
    }
}
