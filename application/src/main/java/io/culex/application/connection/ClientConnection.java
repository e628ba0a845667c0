package io.culex.application.connection;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.session.SessionActor;
import io.culex.application.session.SessionAttachment;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.port.Authenticator.Verdict;
import io.culex.domain.port.Authorizer.Permissions;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.Session;
import io.culex.domain.session.Transmitter;
import io.culex.domain.topic.Topics;
import io.culex.domain.will.Will;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The driving side of one network connection: the transport adapter calls one
 * method per MQTT action and this class decides the protocol semantics.
 *
 * <p>Threading: {@link #connect} and the end-of-connection callbacks are called on
 * the connection's event loop; once connected, every action is handed to the
 * session's thread (see {@link SessionActor}), so the session and this
 * connection's post-CONNECT state are only touched there.
 */
public final class ClientConnection implements SessionAttachment {

    /** Its INFO lines are connection messages: Mosquitto logs them at notice; connection_messages false silences them. */
    private static final System.Logger LOG = System.getLogger("io.culex.connection");
    // Own names so log_type subscribe/unsubscribe can select them (Mosquitto's "<id> <qos> <filter>", "<id> <filter>").
    private static final System.Logger SUBSCRIBE_LOG = System.getLogger("io.culex.subscribe");
    private static final System.Logger UNSUBSCRIBE_LOG = System.getLogger("io.culex.unsubscribe");
    private static final System.Logger MESSAGE_LOG = System.getLogger("io.culex.message");
    private static final int SUBACK_FAILURE = 0x80;
    private static final int KEEPALIVE_GRACE_PERCENT = 150;

    private enum Phase { AWAITING_CONNECT, REJECTED, CONNECTED }

    private final ConnectionContext context;
    private final Outbound outbound;
    private final ListenerSecurity security;
    private final Transmitter transmitter = new OutboundTransmitter();

    // Written on the event loop; read there and by takeover on the session's thread.
    private Phase phase = Phase.AWAITING_CONNECT;
    private volatile SessionActor actor;
    private volatile String clientId;
    // The ACL (acl_file) for this client, fixed at CONNECT; MQTT 3.1 has no SUBACK failure code.
    private volatile Permissions permissions = Permissions.NONE;
    private volatile boolean mqtt31;

    // Session-thread confined once connected.
    private Will will;
    private boolean ended;

    /** A connection under the broker-wide authenticator and authorizer. */
    /** @param security the authenticator and authorizer of the listener the connection came in on */
    public ClientConnection(ConnectionContext context, Outbound outbound, ListenerSecurity security) {
        this.context = context;
        this.outbound = outbound;
        this.security = Objects.requireNonNull(security, "security");
    }

    // ---- CONNECT ----

    public void connect(ConnectRequest request) {
        context.metrics().connectReceived();
        if (phase != Phase.AWAITING_CONNECT) {
            protocolViolation("second CONNECT");
            return;
        }
        if (request.protocolLevel() != 3 && request.protocolLevel() != 4) {
            reject(request, ConnectReturnCode.UNACCEPTABLE_PROTOCOL_VERSION, "unsupported protocol level " + request.protocolLevel());
            return;
        }
        String id = request.clientId();
        if (id.isEmpty()) {
            if (request.protocolLevel() == 3 || !request.cleanSession() || !context.settings().allowZeroLengthClientId()) {
                reject(request, ConnectReturnCode.IDENTIFIER_REJECTED, "empty client id not allowed here");
                return;
            }
            id = context.settings().autoIdPrefix() + UUID.randomUUID();
        }
        // clientid_prefixes: as Mosquitto 2.0, one prefix, checked after an id is assigned, refused as not authorised.
        if (!id.startsWith(context.settings().clientIdPrefix())) {
            reject(request, ConnectReturnCode.NOT_AUTHORIZED, "client id without the prefix clientid_prefixes requires");
            return;
        }
        // A username taken from a verified client certificate needs no password (as Mosquitto's use_identity_as_username).
        Verdict verdict = request.usernameFromCertificate() ? Verdict.ACCEPTED
                : security.authenticator().authenticate(id, outbound.remoteAddress(), request.username(), request.password());
        if (verdict != Verdict.ACCEPTED) {
            reject(request, verdict == Verdict.BAD_CREDENTIALS
                    ? ConnectReturnCode.BAD_USERNAME_OR_PASSWORD : ConnectReturnCode.NOT_AUTHORIZED, "not authorised");
            return;
        }
        // use_username_as_clientid: as Mosquitto 2.0, after authentication (which saw the client's own id).
        if (context.settings().useUsernameAsClientId()) {
            if (request.username() == null || request.username().isEmpty()) {
                reject(request, ConnectReturnCode.NOT_AUTHORIZED, "no username to use as client id");
                return;
            }
            id = request.username();
        }
        phase = Phase.CONNECTED;
        clientId = id;
        permissions = security.authorizer().permissionsFor(id, request.username());
        mqtt31 = request.protocolLevel() == 3;
        will = request.will();
        outbound.expectTrafficWithin(keepAliveTimeoutMillis(request.keepAliveSeconds()));
        context.metrics().clientConnected();
        LOG.log(INFO, () -> String.format("New client connected from %s as %s (p%d, c%d, k%d%s).",
                outbound.remoteAddress(), clientId, request.protocolLevel() == 4 ? 2 : 1, request.cleanSession() ? 1 : 0,
                request.keepAliveSeconds(), request.username() == null ? "" : ", u'" + request.username() + "'"));
        actor = context.sessions().open(id, request.cleanSession(), this).actor();
        actor.permissions(permissions);
    }

    private void reject(ConnectRequest request, ConnectReturnCode code, String reason) {
        phase = Phase.REJECTED;
        // The username helps an administrator tell a typo from an attack; the password is never logged.
        LOG.log(INFO, () -> String.format("Client %s from %s%s refused (CONNACK %d): %s.",
                request.clientId().isEmpty() ? "<empty>" : request.clientId(), outbound.remoteAddress(),
                request.username() == null ? "" : " as u'" + request.username() + "'", code.wireValue(), reason));
        outbound.connack(false, code);
        outbound.close();
    }

    /** The session's keepalive, capped by max_keepalive, with the spec's grace of one and a half times. */
    private long keepAliveTimeoutMillis(int requestedSeconds) {
        int max = context.settings().maxKeepaliveSeconds();
        boolean capped = max < 65_535 && (requestedSeconds == 0 || requestedSeconds > max);
        int seconds = capped ? max : requestedSeconds;
        return seconds * 1000L * KEEPALIVE_GRACE_PERCENT / 100;
    }

    /**
     * Session thread: the session is ours now; acknowledge and resume its flows. The
     * actor is passed in because this can run on the session's previous event loop
     * before {@link #connect} has stored it.
     */
    void sessionAttached(SessionActor attachedTo, boolean sessionPresent) {
        if (ended) {
            return;
        }
        // Same value connect() stores; set here too so a takeover queued right behind sees it.
        actor = attachedTo;
        outbound.connack(sessionPresent, ConnectReturnCode.ACCEPTED);
        attachedTo.markWritten();
        attachedTo.session().resume(attachedTo.transmitter());
    }

    // ---- actions after CONNECT (handed to the session's thread) ----

    public void publish(PublishRequest request) {
        onSession(() -> receivePublish(request));
    }

    public void puback(int packetId) {
        onSession(() -> logUnknownAck("PUBACK", packetId, session().acknowledgePuback(packetId, actor.transmitter())));
    }

    public void pubrec(int packetId) {
        onSession(() -> logUnknownAck("PUBREC", packetId, session().acknowledgePubrec(packetId, actor.transmitter())));
    }

    public void pubcomp(int packetId) {
        onSession(() -> logUnknownAck("PUBCOMP", packetId, session().acknowledgePubcomp(packetId, actor.transmitter())));
    }

    public void pubrel(int packetId) {
        onSession(() -> {
            session().release(packetId);
            // PUBCOMP even for an unknown id: the client may be retrying after we already released it.
            outbound.pubcomp(packetId);
            actor.markWritten();
        });
    }

    public void subscribe(int packetId, List<SubscriptionRequest> requests) {
        onSession(() -> receiveSubscribe(packetId, requests));
    }

    public void unsubscribe(int packetId, List<String> filters) {
        onSession(() -> {
            for (String filter : filters) {
                UNSUBSCRIBE_LOG.log(INFO, () -> clientId + " " + filter);
                if (session().unsubscribe(filter)) {
                    context.router().unsubscribe(actor, filter);
                }
            }
            outbound.unsuback(packetId);
            actor.markWritten();
        });
    }

    public void ping() {
        onSession(() -> {
            outbound.pingresp();
            actor.markWritten();
        });
    }

    /** Clean DISCONNECT: the will is discarded. */
    public void disconnect() {
        onSession(() -> {
            will = null;
            end("disconnected");
        });
    }

    /** The transport became writable again: send what waited for it. */
    public void writable() {
        onSession(() -> session().fillWindow(actor.transmitter()));
    }

    // ---- ends without DISCONNECT: the will is published ----

    /** The network connection closed (socket error or the peer closed it). */
    public void connectionLost() {
        if (phase == Phase.CONNECTED) {
            onSession(() -> end("closed its connection"));
        }
    }

    /** Nothing was received for 1.5 times the keepalive. */
    public void keepAliveExpired() {
        LOG.log(INFO, () -> "Client " + describe() + " has exceeded timeout, disconnecting.");
        closeWithWill();
    }

    /** A malformed packet or a packet not allowed now: close this connection only. */
    public void protocolViolation(String reason) {
        LOG.log(INFO, () -> "Client " + describe() + " from " + outbound.remoteAddress()
                + " disconnected due to protocol error: " + reason + ".");
        closeWithWill();
    }

    /** Any packet but CONNECT before CONNECT is a protocol violation. */
    public boolean awaitsConnect() {
        return phase == Phase.AWAITING_CONNECT;
    }

    private void closeWithWill() {
        if (phase == Phase.CONNECTED) {
            onSession(() -> end("disconnected after an error"));
        } else {
            outbound.close();
        }
    }

    @Override
    public void takenOver() {
        LOG.log(INFO, () -> "Client " + clientId + " already connected, closing old connection.");
        end("taken over");
    }

    /** Session thread: ends this connection once; publishes the will unless it was discarded. */
    private void end(String why) {
        if (ended) {
            return;
        }
        ended = true;
        context.metrics().clientDisconnected();
        LOG.log(INFO, () -> "Client " + clientId + " " + why + ".");
        if (will != null && permissions.canPublish(will.topic())) { // Mosquitto checks the will's write access when sending it
            context.router().publish(will.toMessage());
            will = null;
        }
        outbound.close();
        if (actor.detach(this) && !actor.isPersistent()) {
            context.sessions().discard(actor);
        }
    }

    // ---- session-thread work ----

    private void receivePublish(PublishRequest request) {
        context.metrics().messageReceived(request.payload().length);
        boolean accepted = request.payload().length <= context.settings().messageSizeLimit();
        if (!accepted) {
            context.metrics().messageDropped();
            MESSAGE_LOG.log(INFO, () -> "Client " + clientId + ": dropped PUBLISH to " + request.topic() + " with "
                    + request.payload().length + " bytes, over message_size_limit " + context.settings().messageSizeLimit() + ".");
        }
        if (accepted && !permissions.canPublish(request.topic())) {
            // As Mosquitto 2.0 for MQTT 3.x: dropped silently, the QoS flow below still completes.
            accepted = false;
            MESSAGE_LOG.log(DEBUG, () -> String.format("Denied PUBLISH from %s (d%d, q%d, r%d, m%d, '%s', ... (%d bytes)).",
                    clientId, request.dup() ? 1 : 0, request.qos().value(), request.retain() ? 1 : 0, request.packetId(),
                    request.topic(), request.payload().length));
        }
        Message message = new Message(request.topic(), request.payload(), request.qos(), request.retain());
        switch (request.qos()) {
            case AT_MOST_ONCE -> {
                if (accepted) {
                    context.router().publish(message);
                }
            }
            case AT_LEAST_ONCE -> {
                if (accepted) {
                    context.router().publish(message);
                }
                outbound.puback(request.packetId());
                actor.markWritten();
            }
            case EXACTLY_ONCE -> {
                // A re-sent PUBLISH whose id still awaits PUBREL was delivered already.
                if (session().receiveQos2(request.packetId()) && accepted) {
                    context.router().publish(message);
                }
                outbound.pubrec(request.packetId());
                actor.markWritten();
            }
        }
    }

    private void receiveSubscribe(int packetId, List<SubscriptionRequest> requests) {
        List<Integer> returnCodes = new ArrayList<>(requests.size());
        List<SubscriptionRequest> granted = new ArrayList<>(requests.size());
        for (SubscriptionRequest request : requests) {
            if (!Topics.isValidTopicFilter(request.filter())) {
                LOG.log(DEBUG, () -> "Client " + clientId + ": invalid topic filter '" + request.filter() + "'.");
                returnCodes.add(SUBACK_FAILURE);
                continue;
            }
            if (!permissions.canSubscribe(request.filter())) {
                // The ACL lets the client read nothing this filter matches: 0x80 (3.1 has none: the QoS, unsubscribed).
                LOG.log(DEBUG, () -> "Denied SUBSCRIBE from " + clientId + " to '" + request.filter() + "'.");
                returnCodes.add(mqtt31 ? request.requestedQos().value() : SUBACK_FAILURE);
                continue;
            }
            SUBSCRIBE_LOG.log(INFO, () -> clientId + " " + request.requestedQos().value() + " " + request.filter());
            session().subscribe(request.filter(), request.requestedQos());
            context.router().subscribe(actor, request.filter(), request.requestedQos());
            returnCodes.add(request.requestedQos().value());
            granted.add(request);
        }
        outbound.suback(packetId, returnCodes);
        actor.markWritten();
        for (SubscriptionRequest subscription : granted) {
            sendRetained(subscription.filter(), subscription.requestedQos());
        }
    }

    private void sendRetained(String filter, QoS granted) {
        context.router().forEachRetained(filter, retained -> {
            if (permissions.canReceive(retained.topic())) {
                actor.count(session().offerRetained(Delivery.retainedOnSubscribe(retained, granted), actor.transmitter()));
            }
        });
    }

    private void logUnknownAck(String kind, int packetId, boolean known) {
        if (!known) {
            LOG.log(DEBUG, () -> "Client " + clientId + ": " + kind + " for unknown packet id " + packetId + " ignored.");
        }
    }

    private Session session() {
        return actor.session();
    }

    /** Runs an action on the session's thread unless this connection has ended; before CONNECT it is a violation. */
    private void onSession(Runnable action) {
        if (phase == Phase.REJECTED) {
            return;
        }
        if (phase == Phase.AWAITING_CONNECT) {
            protocolViolation("first packet was not CONNECT");
            return;
        }
        actor.execute(() -> {
            if (!ended) {
                action.run();
            }
        });
    }

    private String describe() {
        return clientId != null ? clientId : "<unknown>";
    }

    // ---- SessionAttachment ----

    @Override
    public Transmitter transmitter() {
        return transmitter;
    }

    @Override
    public void flush() {
        outbound.flush();
    }

    @Override
    public Executor eventLoop() {
        return outbound.eventLoop();
    }

    /** Writes a session's packets; QoS 0 is dropped when the client cannot keep up. */
    private final class OutboundTransmitter implements Transmitter {
        @Override
        public void publish(int packetId, Delivery delivery, boolean dup) {
            if (delivery.qos() == QoS.AT_MOST_ONCE && !outbound.isWritable()) {
                context.metrics().messageDropped();
                return;
            }
            context.metrics().messageSent(delivery.message().payload().length);
            outbound.publish(packetId, delivery, dup);
        }

        @Override
        public void pubrel(int packetId) {
            outbound.pubrel(packetId);
        }
    }
}
