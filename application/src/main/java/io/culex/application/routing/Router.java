package io.culex.application.routing;

import io.culex.application.session.SessionActor;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.retained.RetainedMessages;
import io.culex.domain.session.Delivery;
import io.culex.domain.topic.SubscriptionIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes published messages: updates retained state, finds matching sessions in
 * the subscription index and hands each one copy at the highest QoS any of its
 * matching subscriptions granted. Safe to call from every event loop.
 */
public final class Router {

    private final SubscriptionIndex<SessionActor, QoS> index = new SubscriptionIndex<>();
    private final RetainedMessages retained;

    public Router(RetainedMessages retained) {
        this.retained = retained;
    }

    public void publish(Message message) {
        if (message.retain()) {
            retained.accept(message);
        }
        Map<SessionActor, QoS> targets = new HashMap<>();
        index.match(message.topic(), (actor, filter, granted) -> targets.merge(actor, granted, QoS::max));
        targets.forEach((actor, granted) -> {
            if (actor.mayReceive(message.topic())) { // the ACL's read check, per subscriber
                actor.deliver(Delivery.live(message, granted));
            }
        });
    }

    public void subscribe(SessionActor actor, String filter, QoS granted) {
        index.subscribe(filter, actor, granted);
    }

    public void unsubscribe(SessionActor actor, String filter) {
        index.unsubscribe(filter, actor);
    }

    /** Task only (of {@code actor}): removes every subscription of a session that ends. */
    public void unsubscribeAll(SessionActor actor) {
        for (String filter : actor.session().subscriptions().keySet()) {
            index.unsubscribe(filter, actor);
        }
    }

    public void forEachRetained(String filter, Consumer<Message> sink) {
        retained.store().forEachMatching(filter, sink);
    }

    public int subscriptionCount() {
        return index.size();
    }

    public int retainedCount() {
        return retained.store().size();
    }
}
