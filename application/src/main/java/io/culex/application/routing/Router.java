package io.culex.application.routing;

import io.culex.application.persistence.DurabilityTicket;
import io.culex.application.persistence.Persistence;
import io.culex.application.session.PublisherThrottle;
import io.culex.application.session.SessionActor;
import io.culex.domain.message.Message;
import io.culex.domain.port.Clock;
import io.culex.domain.retained.RetainedMessages;
import io.culex.domain.session.Delivery;
import io.culex.domain.topic.SharedFilter;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.SubscriptionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Routes published messages: updates retained state, finds matching sessions in the
 * subscription index and hands each one copy (merging the session's overlapping
 * subscriptions), then one member of each matching shared subscription group. Safe to
 * call from every event loop.
 */
public final class Router {

    private final SubscriptionIndex<SessionActor, Subscription> index = new SubscriptionIndex<>();
    private final SharedSubscriptions shared = new SharedSubscriptions();
    private final RetainedMessages retained;
    private final Clock clock;
    private final Persistence persistence;

    public Router(RetainedMessages retained, Clock clock) {
        this(retained, clock, Persistence.none(clock));
    }

    /** @param persistence where retained changes are stored */
    public Router(RetainedMessages retained, Clock clock, Persistence persistence) {
        this.retained = retained;
        this.clock = clock;
        this.persistence = persistence;
    }

    /** @return how many sessions the message was handed to (0: no matching subscribers) */
    public int publish(Message message) {
        return publish(message, null);
    }

    /**
     * As {@link #publish(Message)}; every store write the message causes (persistent subscribers'
     * copies, the retained update) joins {@code ticket}, which may be null.
     */
    public int publish(Message message, DurabilityTicket ticket) {
        return publish(message, ticket, null);
    }

    /**
     * As {@link #publish(Message, DurabilityTicket)} for a message from a client: when a session it goes to
     * is behind, {@code publisher} pauses (null: a message from the broker itself, never paused).
     */
    public int publish(Message message, DurabilityTicket ticket, PublisherThrottle publisher) {
        if (message.retain()) {
            retained.accept(message);
            persistence.retainedChanged(message, ticket);
        }
        List<MatchedSubscriptions> targets = new ArrayList<>();
        index.match(message.topic(), (actor, filter, subscription) -> {
            if (subscription.noLocal() && actor.clientId().equals(message.origin())) {
                return;
            }
            MatchedSubscriptions matched = find(targets, actor);
            if (matched == null) {
                targets.add(new MatchedSubscriptions(actor, subscription));
            } else {
                matched.add(subscription);
            }
        });
        // the ACL's read check, per subscriber
        targets.removeIf(matched -> !matched.actor().mayReceive(message.topic()));
        SessionActor soleStore = soleStoringSession(message, ticket, targets);
        for (MatchedSubscriptions matched : targets) {
            SessionActor actor = matched.actor();
            actor.deliver(matched.toDelivery(message), ticket, actor == soleStore);
            if (publisher != null && actor.isFull()) {
                publisher.blockedBy(actor);
            }
        }
        return targets.size() + shared.route(message, ticket);
    }

    /**
     * The one session that will store a copy of the message, if the ticket has a companion write for it (the
     * publisher's QoS 2 id, see StoreJournal#inboundQos2Received) and exactly one target writes to a store.
     * A shared subscription's member is picked later, so a matching group means no sole copy.
     */
    private SessionActor soleStoringSession(Message message, DurabilityTicket ticket,
                                            List<MatchedSubscriptions> targets) {
        if (ticket == null || !ticket.hasCompanion() || shared.matches(message.topic())) {
            return null;
        }
        SessionActor sole = null;
        for (MatchedSubscriptions matched : targets) {
            if (matched.actor().isJournaled()) {
                if (sole != null) {
                    return null;
                }
                sole = matched.actor();
            }
        }
        return sole;
    }

    /** A session has one or a few matching subscriptions: a scan beats hashing every publish. */
    private static MatchedSubscriptions find(List<MatchedSubscriptions> targets, SessionActor actor) {
        for (MatchedSubscriptions matched : targets) {
            if (matched.actor() == actor) {
                return matched;
            }
        }
        return null;
    }

    /** Adds or replaces a subscription; a {@code $share/...} filter joins its group. */
    public void subscribe(SessionActor actor, Subscription subscription) {
        if (subscription.isShared()) {
            shared.subscribe(actor, subscription);
        } else {
            index.subscribe(subscription.filter(), actor, subscription);
        }
    }

    public void unsubscribe(SessionActor actor, String filter) {
        if (SharedFilter.isShared(filter)) {
            shared.unsubscribe(actor, filter);
        } else {
            index.unsubscribe(filter, actor);
        }
    }

    /** Task only (of {@code actor}): removes every subscription of a session that ends. */
    public void unsubscribeAll(SessionActor actor) {
        for (String filter : actor.session().subscriptions().keySet()) {
            unsubscribe(actor, filter);
        }
    }

    /**
     * Gives shared-subscription deliveries a leaving member did not complete to other members.
     *
     * @return those no other member could take
     */
    public List<Delivery> redistributeShared(List<Delivery> deliveries, SessionActor leaving) {
        return deliveries.isEmpty() ? deliveries : shared.redistribute(deliveries, leaving);
    }

    /** The retained messages matching {@code filter} that have not expired. */
    public void forEachRetained(String filter, Consumer<Message> sink) {
        long now = clock.monotonicMillis();
        retained.store().forEachMatching(filter, message -> {
            if (!message.isExpiredAt(now)) {
                sink.accept(message);
            }
        });
    }

    /**
     * Clears the retained message of {@code topic} without routing anything (an administrator's delete).
     *
     * @return false if the topic had none
     */
    public boolean removeRetained(String topic) {
        boolean[] present = new boolean[1];
        retained.store().forEachMatching(topic, message -> present[0] |= message.topic().equals(topic));
        if (present[0]) {
            retained.store().remove(topic);
        }
        return present[0];
    }

    public int subscriptionCount() {
        return index.size() + shared.memberCount();
    }

    public int retainedCount() {
        return retained.store().size();
    }
}
