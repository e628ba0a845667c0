package io.culex.application.routing;

import io.culex.application.session.SessionActor;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.culex.domain.topic.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscriptions of one session that matched a message, merged into one delivery
 * (MQTT 5, 3.3.4): the highest granted QoS, every Subscription Identifier, and the RETAIN
 * flag kept if any of them asked for Retain As Published.
 */
final class MatchedSubscriptions {

    private final SessionActor actor;
    private QoS maxQos;
    private boolean retainAsPublished;
    private List<Integer> identifiers = List.of();

    MatchedSubscriptions(SessionActor actor, Subscription first) {
        this.actor = actor;
        this.maxQos = first.maxQos();
        this.retainAsPublished = first.retainAsPublished();
        addIdentifier(first);
    }

    SessionActor actor() {
        return actor;
    }

    void add(Subscription subscription) {
        maxQos = maxQos.max(subscription.maxQos());
        retainAsPublished |= subscription.retainAsPublished();
        addIdentifier(subscription);
    }

    private void addIdentifier(Subscription subscription) {
        if (subscription.hasIdentifier()) {
            if (identifiers.isEmpty()) {
                identifiers = new ArrayList<>(2);
            }
            identifiers.add(subscription.identifier());
        }
    }

    Delivery toDelivery(Message message) {
        return new Delivery(message, message.qos().min(maxQos), retainAsPublished && message.retain(), identifiers,
                null);
    }
}
