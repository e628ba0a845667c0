package io.culex.application.connection;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.protocol.ProtocolVersion;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.session.SessionActor;
import io.culex.domain.message.QoS;
import io.culex.domain.port.Authorizer.Permissions;
import io.culex.domain.session.Delivery;
import io.culex.domain.topic.InvalidTopicException;
import io.culex.domain.topic.SharedFilter;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import io.culex.domain.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE and UNSUBSCRIBE of one client, on the session's thread: validates filters
 * (shared ones included), checks the ACL, records the subscription in the session and the
 * router, answers with one code per filter, then sends the retained messages the
 * subscription's Retain Handling asks for.
 */
final class Subscriptions {

    private static final System.Logger LOG = System.getLogger("io.culex.connection");
    // Own names so log_type subscribe/unsubscribe can select them (Mosquitto's "<id> <qos> <filter>", "<id> <filter>").
    private static final System.Logger SUBSCRIBE_LOG = System.getLogger("io.culex.subscribe");
    private static final System.Logger UNSUBSCRIBE_LOG = System.getLogger("io.culex.unsubscribe");

    private final ConnectionContext context;
    private final Outbound outbound;
    private final SessionActor actor;
    private final String clientId;
    private final Permissions permissions;
    private final ProtocolVersion version;
    /** A 3.x bridge (try_private): as Mosquitto, its subscriptions are No Local and Retain As Published. */
    private final boolean bridge;

    Subscriptions(ConnectionContext context, Outbound outbound, SessionActor actor, String clientId,
                  Permissions permissions, ProtocolVersion version, boolean bridge) {
        this.context = context;
        this.outbound = outbound;
        this.actor = actor;
        this.clientId = clientId;
        this.permissions = permissions;
        this.version = version;
        this.bridge = bridge;
    }

    /** @return null, or the protocol error that ends the connection (nothing is subscribed then) */
    String subscribe(int packetId, List<SubscriptionRequest> requests, int subscriptionId) {
        for (SubscriptionRequest request : requests) {
            if (request.noLocal() && SharedFilter.isShared(request.filter())) {
                return "No Local on shared subscription " + request.filter();
            }
        }
        List<Integer> codes = new ArrayList<>(requests.size());
        List<Subscription> retainedWanted = new ArrayList<>();
        for (SubscriptionRequest request : requests) {
            ReasonCode refusal = refusal(request.filter());
            if (refusal != null) {
                codes.add(version.subackFailure(refusal, request.requestedQos()));
                continue;
            }
            QoS granted = request.requestedQos().min(context.settings().protocol().maxQos());
            // Not on shared subscriptions, where No Local is a protocol error.
            boolean asBridge = bridge && !SharedFilter.isShared(request.filter());
            Subscription subscription = new Subscription(request.filter(), granted, request.noLocal() || asBridge,
                    request.retainAsPublished() || asBridge, request.retainHandling(), subscriptionId);
            SUBSCRIBE_LOG.log(INFO, () -> clientId + " " + granted.value() + " " + request.filter());
            Subscription previous = actor.session().subscribe(subscription);
            context.router().subscribe(actor, subscription);
            codes.add(ReasonCode.granted(granted).value());
            if (wantsRetained(subscription, previous == null)) {
                retainedWanted.add(subscription);
            }
        }
        outbound.suback(packetId, codes);
        actor.markWritten();
        retainedWanted.forEach(this::sendRetained);
        return null;
    }

    /** Null if the filter may be subscribed to, else why not. */
    private ReasonCode refusal(String filter) {
        String readable = filter;
        try {
            if (SharedFilter.isShared(filter)) {
                readable = SharedFilter.parse(filter).filter();
            } else {
                Topics.validateTopicFilter(filter);
            }
        } catch (InvalidTopicException e) {
            LOG.log(DEBUG, () -> "Client " + clientId + ": invalid topic filter '" + filter + "': " + e.getMessage());
            return ReasonCode.TOPIC_FILTER_INVALID;
        }
        if (!permissions.canSubscribe(readable)) {
            // The ACL lets the client read nothing this filter matches.
            LOG.log(DEBUG, () -> "Denied SUBSCRIBE from " + clientId + " to '" + filter + "'.");
            return ReasonCode.NOT_AUTHORIZED;
        }
        return null;
    }

    /** Retained messages are never sent for shared subscriptions (MQTT 5, 4.8.2). */
    private static boolean wantsRetained(Subscription subscription, boolean isNew) {
        if (subscription.isShared()) {
            return false;
        }
        RetainHandling handling = subscription.retainHandling();
        return handling == RetainHandling.SEND_ON_SUBSCRIBE
                || (handling == RetainHandling.SEND_IF_NEW_SUBSCRIPTION && isNew);
    }

    private void sendRetained(Subscription subscription) {
        List<Integer> ids = subscription.hasIdentifier() ? List.of(subscription.identifier()) : List.of();
        context.router().forEachRetained(subscription.filter(), retained -> {
            if (permissions.canReceive(retained.topic())) {
                Delivery delivery = new Delivery(retained, retained.qos().min(subscription.maxQos()), true, ids, null);
                actor.offerRetained(delivery);
            }
        });
    }

    void unsubscribe(int packetId, List<String> filters) {
        List<ReasonCode> codes = new ArrayList<>(filters.size());
        for (String filter : filters) {
            UNSUBSCRIBE_LOG.log(INFO, () -> clientId + " " + filter);
            if (actor.session().unsubscribe(filter)) {
                context.router().unsubscribe(actor, filter);
                codes.add(ReasonCode.SUCCESS);
            } else {
                codes.add(ReasonCode.NO_SUBSCRIPTION_EXISTED);
            }
        }
        outbound.unsuback(packetId, codes);
        actor.markWritten();
    }
}
