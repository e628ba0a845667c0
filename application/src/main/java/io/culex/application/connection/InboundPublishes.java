package io.culex.application.connection;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.metrics.DropReason;
import io.culex.application.persistence.DurabilityTicket;
import io.culex.application.persistence.StoreJournal;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.session.PublisherThrottle;
import io.culex.application.session.SessionActor;
import io.culex.application.settings.ProtocolSettings;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.port.Authorizer.Permissions;
import io.culex.domain.session.Session;
import java.util.function.Consumer;

/**
 * The PUBLISH flow from one client to the broker, on the session's thread: resolves topic
 * aliases, enforces the broker's limits (Receive Maximum, maximum QoS, retain availability,
 * message_size_limit), checks the ACL and the declared payload format, routes the message and
 * acknowledges it with the reason code the client's version can express.
 */
final class InboundPublishes {

    private static final System.Logger MESSAGE_LOG = System.getLogger("io.culex.message");

    /** A PUBLISH that ends the connection: DISCONNECT with this reason. */
    record Refusal(ReasonCode code, String reason) {
    }

    private final ConnectionContext context;
    private final Outbound outbound;
    private final SessionActor actor;
    private final String clientId;
    private final Permissions permissions;
    private final ProtocolVersion version;
    private final int receiveMaximum;
    private final boolean reasonStrings;
    private final InboundTopicAliases aliases;
    private final Consumer<Refusal> storeFailures;
    private final PublisherThrottle throttle;

    InboundPublishes(ConnectionContext context, Outbound outbound, SessionActor actor, String clientId,
                     Permissions permissions, ProtocolVersion version, int receiveMaximum, boolean reasonStrings,
                     Consumer<Refusal> storeFailures, PublisherThrottle throttle) {
        this.storeFailures = storeFailures;
        this.throttle = throttle;
        this.context = context;
        this.outbound = outbound;
        this.actor = actor;
        this.clientId = clientId;
        this.permissions = permissions;
        this.version = version;
        this.receiveMaximum = receiveMaximum;
        this.reasonStrings = reasonStrings;
        this.aliases = new InboundTopicAliases(version.hasReasonCodes() ? context.settings().protocol().maxTopicAlias() : 0);
    }

    /** @return null, or why the connection must end */
    Refusal receive(PublishRequest request) {
        String topic = aliases.resolve(request.topic(), request.topicAlias());
        if (topic == null) {
            return aliasRefusal(request);
        }
        ProtocolSettings protocol = context.settings().protocol();
        if (request.qos().value() > protocol.maxQos().value()) {
            return new Refusal(ReasonCode.QOS_NOT_SUPPORTED, "QoS " + request.qos().value() + " is above max_qos");
        }
        if (request.retain() && !protocol.retainAvailable()) {
            return new Refusal(ReasonCode.RETAIN_NOT_SUPPORTED, "retained messages are not available (retain_available false)");
        }
        Session session = actor.session();
        boolean newQos2 = request.qos().value() == 2 && !session.awaitsRelease(request.packetId());
        if (newQos2 && version.hasReasonCodes() && session.awaitingReleaseCount() >= receiveMaximum) {
            return new Refusal(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED,
                    "more than " + receiveMaximum + " QoS 2 messages unreleased");
        }
        context.metrics().messageReceived(request.payload().length);
        ReasonCode verdict = check(request, topic);
        if (verdict == ReasonCode.PAYLOAD_FORMAT_INVALID && request.qos().value() == 0 && version.hasReasonCodes()) {
            return new Refusal(ReasonCode.PAYLOAD_FORMAT_INVALID, "payload is not the UTF-8 its format indicator declares");
        }
        if (request.qos() != QoS.AT_MOST_ONCE && context.persistence().isDurable()) {
            return receiveDurably(request, topic, verdict);
        }
        switch (request.qos()) {
            case AT_MOST_ONCE:
                if (verdict == ReasonCode.SUCCESS) {
                    route(request, topic);
                }
                return null;
            case AT_LEAST_ONCE:
                outbound.puback(request.packetId(), verdict == ReasonCode.SUCCESS ? route(request, topic) : verdict,
                        reason(verdict));
                actor.markWritten();
                return null;
            default:
                ReasonCode code = verdict;
                // A re-sent PUBLISH whose id still awaits PUBREL was delivered already; a refused one starts no flow.
                if (verdict == ReasonCode.SUCCESS && session.receiveQos2(request.packetId())) {
                    code = route(request, topic);
                }
                outbound.pubrec(request.packetId(), code, reason(verdict));
                actor.markWritten();
                return null;
        }
    }

    /**
     * With a durable store, a QoS 1/2 message is acknowledged only once every copy the store must keep
     * (for persistent subscribers, the retained update, its QoS 2 id) is written. If the store cannot
     * write them, the publisher is told (MQTT 5: 0x97) or, as MQTT 3.x cannot be told, disconnected so it
     * sends the message again later; a message that needs no store write is acknowledged as usual.
     */
    private Refusal receiveDurably(PublishRequest request, String topic, ReasonCode verdict) {
        if (verdict != ReasonCode.SUCCESS) {
            acknowledge(request, verdict, reason(verdict));
            return null;
        }
        int[] receivers = new int[1];
        DurabilityTicket ticket = new DurabilityTicket(
                () -> actor.execute(() -> acknowledge(request, receivers[0] == 0
                        ? ReasonCode.NO_MATCHING_SUBSCRIBERS : ReasonCode.SUCCESS, null)),
                () -> actor.execute(() -> refuseUnstored(request)));
        Runnable routing = () -> {
            boolean fresh = request.qos() != QoS.EXACTLY_ONCE || actor.session().receiveQos2(request.packetId());
            // A re-sent QoS 2 PUBLISH whose id still awaits PUBREL was delivered already.
            receivers[0] = fresh ? context.router().publish(message(request, topic), ticket, throttle) : 1;
        };
        StoreJournal own = actor.journal();
        if (own != null) {
            own.during(ticket, routing);
        } else {
            routing.run();
        }
        ticket.seal();
        return null;
    }

    private void acknowledge(PublishRequest request, ReasonCode code, String reasonString) {
        if (request.qos() == QoS.AT_LEAST_ONCE) {
            outbound.puback(request.packetId(), code, reasonString);
        } else {
            outbound.pubrec(request.packetId(), code, reasonString);
        }
        actor.markWritten();
    }

    private void refuseUnstored(PublishRequest request) {
        MESSAGE_LOG.log(INFO, () -> "Client " + clientId + ": PUBLISH " + request.packetId()
                + " refused: the store could not write it (see the store error).");
        if (version.hasReasonCodes()) {
            acknowledge(request, ReasonCode.QUOTA_EXCEEDED, reasonStrings ? "the message could not be stored" : null);
        } else {
            storeFailures.accept(new Refusal(ReasonCode.QUOTA_EXCEEDED, "the message could not be stored"));
        }
    }

    /** SUCCESS, or why the message is not accepted (the QoS flow still completes). */
    private ReasonCode check(PublishRequest request, String topic) {
        int limit = context.settings().messageSizeLimit();
        if (request.payload().length > limit) {
            context.metrics().messageDropped(DropReason.MESSAGE_SIZE_LIMIT);
            MESSAGE_LOG.log(INFO, () -> "Client " + clientId + ": dropped PUBLISH to " + topic + " with "
                    + request.payload().length + " bytes, over message_size_limit " + limit + ".");
            return ReasonCode.QUOTA_EXCEEDED;
        }
        if (!permissions.canPublish(topic)) {
            // As Mosquitto 2.0: for MQTT 3.x dropped silently (the acknowledgement carries no code).
            MESSAGE_LOG.log(DEBUG, () -> String.format("Denied PUBLISH from %s (d%d, q%d, r%d, m%d, '%s', ... (%d bytes)).",
                    clientId, request.dup() ? 1 : 0, request.qos().value(), request.retain() ? 1 : 0, request.packetId(),
                    topic, request.payload().length));
            return ReasonCode.NOT_AUTHORIZED;
        }
        if (request.properties().declaresUtf8Payload() && !Utf8.isValid(request.payload())) {
            MESSAGE_LOG.log(INFO, () -> "Client " + clientId + ": PUBLISH to " + topic
                    + " declares a UTF-8 payload that is not UTF-8.");
            return ReasonCode.PAYLOAD_FORMAT_INVALID;
        }
        return ReasonCode.SUCCESS;
    }

    /** Routes an accepted message. @return the acknowledgement's code: MQTT 5 tells when nobody subscribed */
    private ReasonCode route(PublishRequest request, String topic) {
        int receivers = context.router().publish(message(request, topic), null, throttle);
        return receivers == 0 ? ReasonCode.NO_MATCHING_SUBSCRIBERS : ReasonCode.SUCCESS;
    }

    private Message message(PublishRequest request, String topic) {
        long expiresAt = request.messageExpirySeconds() < 0 ? Message.NEVER
                : context.clock().monotonicMillis() + request.messageExpirySeconds() * 1000;
        return new Message(topic, request.payload(), request.qos(), request.retain(), request.properties(),
                expiresAt, clientId);
    }

    private Refusal aliasRefusal(PublishRequest request) {
        switch (aliases.problem()) {
            case ALIAS_OUT_OF_RANGE:
                return new Refusal(ReasonCode.TOPIC_ALIAS_INVALID, "topic alias " + request.topicAlias()
                        + " is 0 or above the maximum " + context.settings().protocol().maxTopicAlias());
            case UNKNOWN_ALIAS:
                return new Refusal(ReasonCode.PROTOCOL_ERROR, "topic alias " + request.topicAlias() + " was never set");
            default:
                return new Refusal(ReasonCode.PROTOCOL_ERROR, "PUBLISH without a topic");
        }
    }

    private String reason(ReasonCode code) {
        if (!reasonStrings || code == ReasonCode.SUCCESS) {
            return null;
        }
        switch (code) {
            case NOT_AUTHORIZED:
                return "not authorised to publish to this topic";
            case QUOTA_EXCEEDED:
                return "payload over message_size_limit";
            case PAYLOAD_FORMAT_INVALID:
                return "payload is not valid UTF-8";
            default:
                return null;
        }
    }
}
