package io.culex.application.connection;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

import io.culex.application.metrics.DropReason;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.security.enhanced.AuthStep;
import io.culex.application.session.PublisherThrottle;
import io.culex.application.session.SessionActor;
import io.culex.application.session.SessionAttachment;
import io.culex.domain.message.Message;
import io.culex.domain.port.Authenticator.Verdict;
import io.culex.domain.port.Authorizer.Permissions;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.Session;
import io.culex.domain.session.Transmitter;
import io.culex.domain.will.Will;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The driving side of one network connection: the transport adapter calls one
 * method per MQTT action and this class decides the protocol semantics. What
 * differs between MQTT versions is asked of the client's {@link ProtocolVersion}.
 *
 * <p>Threading: {@link #connect} and the end-of-connection callbacks are called on
 * the connection's event loop; once connected, every action is handed to the
 * session's thread (see {@link SessionActor}), so the session and this
 * connection's post-CONNECT state are only touched there.
 */
public final class ClientConnection implements SessionAttachment {

    /** Its INFO lines are connection messages: Mosquitto logs them at notice; connection_messages false silences them. */
    private static final System.Logger LOG = System.getLogger("io.culex.connection");
    private static final int KEEPALIVE_GRACE_PERCENT = 150;

    private enum Phase { AWAITING_CONNECT, AUTHENTICATING, REJECTED, CONNECTED }

    private final ConnectionContext context;
    private final Outbound outbound;
    private final ListenerSecurity security;
    private final ServerCapabilities capabilities;
    private final Transmitter transmitter = new OutboundTransmitter();
    private final String listenerId;
    /** Opened by the broker itself (a bridge's local side): exempt from the checks meant for network clients. */
    private final boolean internal;

    // Written on the event loop; read there and by takeover on the session's thread.
    private Phase phase = Phase.AWAITING_CONNECT;
    private volatile SessionActor actor;
    private volatile String clientId;
    // The ACL (acl_file) for this client, fixed at CONNECT.
    private volatile Permissions permissions = Permissions.NONE;
    private volatile ProtocolVersion version = ProtocolVersion.MQTT_3_1_1;
    private volatile ConnectProperties clientProperties = ConnectProperties.NONE;
    private volatile Connack.Properties connackProperties = Connack.Properties.NONE;
    private volatile long connectSessionExpiry;
    private volatile String username;
    // Set once at CONNECT, for administration: the keepalive the broker holds the client to, and when it connected.
    private volatile int keepAliveSeconds;
    private volatile long connectedAtMillis;
    /** Set at CONNECT, read when the session attaches (possibly on another thread). */
    private volatile boolean bridge;
    // MQTT 5 enhanced authentication: the exchange, and the CONNECT waiting for it to finish.
    private volatile AuthExchange authExchange;
    private PendingConnect pendingConnect;

    /** A CONNECT whose enhanced authentication is still in progress. */
    private record PendingConnect(ConnectRequest request, String clientId, String assignedId) {
    }

    // Session-thread confined once connected.
    private Will will;
    private boolean ended;
    private InboundPublishes publishes;
    private Subscriptions subscriptions;
    private PublisherThrottle throttle;

    /** @param security the authenticator and authorizer of the listener the connection came in on */
    public ClientConnection(ConnectionContext context, Outbound outbound, ListenerSecurity security) {
        this(context, outbound, security, null);
    }

    /** @param listenerId the transport's name for the listener the connection came in on, or null */
    public ClientConnection(ConnectionContext context, Outbound outbound, ListenerSecurity security,
                            String listenerId) {
        this(context, outbound, security, listenerId, false);
    }

    /**
     * A connection the broker opens itself (a bridge's local side): server_reference, clientid_prefixes and
     * persistent_client_expiration do not apply to it, and it may use a client id reserved for it.
     */
    public static ClientConnection internal(ConnectionContext context, Outbound outbound, ListenerSecurity security) {
        return new ClientConnection(context, outbound, security, null, true);
    }

    private ClientConnection(ConnectionContext context, Outbound outbound, ListenerSecurity security,
                             String listenerId, boolean internal) {
        this.internal = internal;
        this.context = context;
        this.outbound = outbound;
        this.security = Objects.requireNonNull(security, "security");
        this.capabilities = new ServerCapabilities(context.settings());
        this.listenerId = listenerId;
        context.connections().opened(this);
    }

    // ---- CONNECT ----

    public void connect(ConnectRequest request) {
        context.metrics().connectReceived();
        if (phase != Phase.AWAITING_CONNECT) {
            protocolViolation("second CONNECT");
            return;
        }
        ProtocolVersion requested = ProtocolVersion.ofLevel(request.protocolLevel());
        if (requested == null) {
            reject(request, ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, "unsupported protocol level " + request.protocolLevel());
            return;
        }
        version = requested;
        clientProperties = request.properties();
        String serverReference = context.settings().protocol().serverReference();
        if (serverReference != null && version.hasReasonCodes() && !internal) {
            redirect(request, serverReference);
            return;
        }
        String id = request.clientId();
        String assignedId = null;
        if (id.isEmpty()) {
            if (!version.acceptsEmptyClientId(request.cleanSession()) || !context.settings().allowZeroLengthClientId()) {
                reject(request, ReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "empty client id not allowed here");
                return;
            }
            id = context.settings().autoIdPrefix() + UUID.randomUUID();
            assignedId = id;
        }
        if (refusedAsReserved(request, id)) {
            return;
        }
        // clientid_prefixes: as Mosquitto 2.0, one prefix, checked after an id is assigned, refused as not authorised.
        if (!internal && !id.startsWith(context.settings().clientIdPrefix())) {
            reject(request, ReasonCode.NOT_AUTHORIZED, "client id without the prefix clientid_prefixes requires");
            return;
        }
        ReasonCode willRefusal = willRefusal(request.will());
        if (willRefusal != null) {
            reject(request, willRefusal, "will " + (willRefusal == ReasonCode.RETAIN_NOT_SUPPORTED
                    ? "retained while retain_available is false" : "QoS above the maximum QoS"));
            return;
        }
        String method = request.properties().authenticationMethod();
        if (method != null) {
            startEnhancedAuthentication(request, id, assignedId, method);
            return;
        }
        // A username taken from a verified client certificate needs no password (as Mosquitto's use_identity_as_username).
        Verdict verdict = request.usernameFromCertificate() ? Verdict.ACCEPTED
                : security.authenticator().authenticate(id, outbound.remoteAddress(), request.username(), request.password());
        if (verdict != Verdict.ACCEPTED) {
            reject(request, verdict == Verdict.BAD_CREDENTIALS
                    ? ReasonCode.BAD_USER_NAME_OR_PASSWORD : ReasonCode.NOT_AUTHORIZED, "not authorised");
            return;
        }
        authenticated(request, id, assignedId, Connack.Properties.NONE);
    }

    private void authenticated(ConnectRequest request, String id, String assignedId, Connack.Properties authentication) {
        // use_username_as_clientid: as Mosquitto 2.0, after authentication (which saw the client's own id).
        if (context.settings().useUsernameAsClientId()) {
            if (request.username() == null || request.username().isEmpty()) {
                reject(request, ReasonCode.NOT_AUTHORIZED, "no username to use as client id");
                return;
            }
            id = request.username();
            assignedId = null;
        }
        accept(request, id, assignedId, authentication);
    }

    // ---- MQTT 5 enhanced authentication (AUTH exchanges) ----

    private void startEnhancedAuthentication(ConnectRequest request, String id, String assignedId, String method) {
        var found = security.enhancedAuth().byName(method);
        if (found.isEmpty()) {
            reject(request, ReasonCode.BAD_AUTHENTICATION_METHOD, "authentication method " + method + " not supported");
            return;
        }
        authExchange = new AuthExchange(found.get());
        pendingConnect = new PendingConnect(request, id, assignedId);
        answerConnectAuthentication(authExchange.start(id, request.properties().authenticationData()));
    }

    /** Event loop: the next step of a CONNECT's authentication exchange. */
    private void answerConnectAuthentication(AuthStep step) {
        PendingConnect pending = pendingConnect;
        switch (step.outcome()) {
            case CONTINUE:
                phase = Phase.AUTHENTICATING;
                outbound.auth(ReasonCode.CONTINUE_AUTHENTICATION, authExchange.methodName(), step.serverData().orElse(null));
                outbound.flush();
                return;
            case SUCCESS:
                pendingConnect = null;
                phase = Phase.AWAITING_CONNECT;
                authenticated(pending.request().withUsername(step.username().orElse(null)), pending.clientId(),
                        pending.assignedId(), Connack.Properties.NONE.withAuthentication(authExchange.methodName(),
                                step.serverData().orElse(null)));
                return;
            default:
                pendingConnect = null;
                // The failure's detail (e.g. whether the user exists) goes to the log only, never to the client.
                LOG.log(INFO, () -> "Client " + pending.clientId() + " failed " + authExchange.methodName()
                        + " authentication: " + step.failureReason().orElse("refused") + ".");
                reject(pending.request(), ReasonCode.NOT_AUTHORIZED, "authentication failed");
        }
    }

    /**
     * AUTH from the client: the next step of the CONNECT's exchange (0x18), or a re-authentication
     * of a connected client (0x19, then 0x18 steps).
     */
    public void auth(int reasonCode, String method, byte[] data) {
        if (phase == Phase.AUTHENTICATING) {
            if (reasonCode != ReasonCode.CONTINUE_AUTHENTICATION.value() || !authExchange.methodName().equals(method)) {
                protocolViolation("AUTH must continue the " + authExchange.methodName() + " exchange");
                return;
            }
            answerConnectAuthentication(authExchange.proceed(data));
            return;
        }
        onSession(() -> reauthenticate(reasonCode, method, data));
    }

    /** Session thread. */
    private void reauthenticate(int reasonCode, String method, byte[] data) {
        AuthExchange exchange = authExchange;
        if (exchange == null || !exchange.methodName().equals(method)) {
            disconnectByServer(ReasonCode.PROTOCOL_ERROR, "re-authentication must use the method of the CONNECT");
            return;
        }
        AuthStep step;
        if (reasonCode == ReasonCode.REAUTHENTICATE.value()) {
            step = exchange.reauthenticate(clientId, username, data);
        } else if (reasonCode == ReasonCode.CONTINUE_AUTHENTICATION.value()) {
            step = exchange.proceed(data);
        } else {
            disconnectByServer(ReasonCode.PROTOCOL_ERROR, "AUTH with reason code " + reasonCode);
            return;
        }
        switch (step.outcome()) {
            case CONTINUE:
                outbound.auth(ReasonCode.CONTINUE_AUTHENTICATION, method, step.serverData().orElse(null));
                actor.markWritten();
                return;
            case SUCCESS:
                outbound.auth(ReasonCode.SUCCESS, method, step.serverData().orElse(null));
                actor.markWritten();
                return;
            default:
                LOG.log(INFO, () -> "Client " + clientId + " failed re-authentication: "
                        + step.failureReason().orElse("refused") + ".");
                disconnectByServer(ReasonCode.NOT_AUTHORIZED, "re-authentication failed");
        }
    }

    private void accept(ConnectRequest request, String id, String assignedId, Connack.Properties authentication) {
        if (refusedAsReserved(request, id)) {
            return; // use_username_as_clientid may have given it
        }
        phase = Phase.CONNECTED;
        clientId = id;
        username = request.username();
        permissions = security.authorizer().permissionsFor(id, request.username());
        will = request.will();
        int keepAlive = effectiveKeepAlive(request.keepAliveSeconds());
        keepAliveSeconds = keepAlive;
        connectedAtMillis = context.clock().monotonicMillis();
        outbound.expectTrafficWithin(keepAlive * 1000L * KEEPALIVE_GRACE_PERCENT / 100);
        connectSessionExpiry = version.sessionExpiryInterval(request.cleanSession(),
                request.properties().sessionExpiryInterval(),
                internal ? 0 : context.settings().protocol().persistentClientExpirationSeconds());
        connackProperties = capabilities.connackProperties(assignedId,
                keepAlive == request.keepAliveSeconds() ? null : keepAlive)
                .withAuthentication(authentication.authenticationMethod(), authentication.authenticationData());
        context.metrics().clientConnected();
        bridge = request.bridge();
        LOG.log(INFO, () -> String.format("New %s connected from %s as %s (p%d, c%d, k%d%s).",
                bridge ? "bridge" : "client", outbound.remoteAddress(), clientId, version.logNumber(), request.cleanSession() ? 1 : 0,
                request.keepAliveSeconds(), request.username() == null ? "" : ", u'" + request.username() + "'"));
        actor = context.sessions().open(id, request.cleanSession(), connectSessionExpiry, this).actor();
        actor.permissions(permissions);
    }

    /** A network client asking for a bridge's local client id is refused: it would take the session over. */
    private boolean refusedAsReserved(ConnectRequest request, String id) {
        if (internal || !context.sessions().isReserved(id)) {
            return false;
        }
        reject(request, ReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id " + id + " is reserved for a bridge");
        return true;
    }

    /** A will the broker could not publish as asked is refused at CONNECT (MQTT 5, 3.2.2.3.4 and 3.2.2.3.5). */
    private ReasonCode willRefusal(Will requested) {
        if (requested == null) {
            return null;
        }
        if (requested.retain() && !context.settings().protocol().retainAvailable()) {
            return ReasonCode.RETAIN_NOT_SUPPORTED;
        }
        if (requested.qos().value() > context.settings().protocol().maxQos().value()) {
            return ReasonCode.QOS_NOT_SUPPORTED;
        }
        return null;
    }

    private void reject(ConnectRequest request, ReasonCode code, String reason) {
        refuse(request, code, reason, Connack.refused(version.connackCode(code), reasonString(reason)));
    }

    /** server_reference: an MQTT 5 client is told to use another server (0x9C) or that this one moved (0x9D). */
    private void redirect(ConnectRequest request, String serverReference) {
        ReasonCode code = context.settings().protocol().serverMoved() ? ReasonCode.SERVER_MOVED : ReasonCode.USE_ANOTHER_SERVER;
        refuse(request, code, "redirected to " + serverReference, new Connack(false, code.value(),
                Connack.Properties.NONE.withServerReference(serverReference)));
    }

    private void refuse(ConnectRequest request, ReasonCode code, String reason, Connack connack) {
        phase = Phase.REJECTED;
        // The username helps an administrator tell a typo from an attack; the password is never logged.
        LOG.log(INFO, () -> String.format("Client %s from %s%s refused (CONNACK %d): %s.",
                request.clientId().isEmpty() ? "<empty>" : request.clientId(), outbound.remoteAddress(),
                request.username() == null ? "" : " as u'" + request.username() + "'", connack.code(), reason));
        outbound.connack(connack);
        outbound.close();
        context.connections().closed(this);
    }

    /** The keepalive the broker holds the client to: its own, capped by max_keepalive (0 counts as unlimited). */
    private int effectiveKeepAlive(int requestedSeconds) {
        int max = context.settings().maxKeepaliveSeconds();
        boolean capped = max < 65_535 && (requestedSeconds == 0 || requestedSeconds > max);
        return capped ? max : requestedSeconds;
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
        throttle = new PublisherThrottle(outbound, attachedTo);
        publishes = new InboundPublishes(context, outbound, attachedTo, clientId, permissions, version,
                capabilities.receiveMaximum(), clientProperties.requestProblemInformation(),
                refusal -> disconnectByServer(refusal.code(), refusal.reason()), throttle);
        subscriptions = new Subscriptions(context, outbound, attachedTo, clientId, permissions, version, bridge);
        outbound.connack(new Connack(sessionPresent, 0, connackProperties));
        connackProperties = Connack.Properties.NONE; // sent: not kept for the connection's lifetime
        attachedTo.markWritten();
        attachedTo.session().resume(attachedTo.transmitter(), clientProperties.receiveMaximum());
    }

    // ---- actions after CONNECT (handed to the session's thread) ----

    public void publish(PublishRequest request) {
        onSession(() -> {
            InboundPublishes.Refusal refusal = publishes.receive(request);
            if (refusal != null) {
                disconnectByServer(refusal.code(), refusal.reason());
            }
        });
    }

    public void puback(int packetId) {
        onSession(() -> logUnknownAck("PUBACK", packetId, session().acknowledgePuback(packetId, actor.transmitter())));
    }

    /** PUBREC; an MQTT 5 reason code of 0x80 or more means the client refused the message. */
    public void pubrec(int packetId, int reasonCode) {
        onSession(() -> logUnknownAck("PUBREC", packetId, reasonCode >= 0x80
                ? session().acknowledgeRefusedPubrec(packetId, actor.transmitter())
                : session().acknowledgePubrec(packetId, actor.transmitter())));
    }

    public void pubrec(int packetId) {
        pubrec(packetId, 0);
    }

    public void pubcomp(int packetId) {
        onSession(() -> logUnknownAck("PUBCOMP", packetId, session().acknowledgePubcomp(packetId, actor.transmitter())));
    }

    public void pubrel(int packetId) {
        onSession(() -> {
            boolean known = session().release(packetId, () -> {
                outbound.pubcomp(packetId, ReasonCode.SUCCESS);
                actor.markWritten();
            });
            if (!known) {
                // PUBCOMP even for an unknown id: the client may be retrying after we already released it.
                outbound.pubcomp(packetId, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND);
                actor.markWritten();
            }
        });
    }

    /** @param subscriptionId the MQTT 5 Subscription Identifier of this SUBSCRIBE, 0 for none */
    public void subscribe(int packetId, List<SubscriptionRequest> requests, int subscriptionId) {
        onSession(() -> {
            String violation = subscriptions.subscribe(packetId, requests, subscriptionId);
            if (violation != null) {
                disconnectByServer(ReasonCode.PROTOCOL_ERROR, violation);
            }
        });
    }

    public void subscribe(int packetId, List<SubscriptionRequest> requests) {
        subscribe(packetId, requests, 0);
    }

    public void unsubscribe(int packetId, List<String> filters) {
        onSession(() -> subscriptions.unsubscribe(packetId, filters));
    }

    public void ping() {
        onSession(() -> {
            outbound.pingresp();
            actor.markWritten();
        });
    }

    /** Clean MQTT 3.x DISCONNECT: the will is discarded. */
    public void disconnect() {
        disconnect(ReasonCode.SUCCESS.value(), -1);
    }

    /**
     * DISCONNECT from the client. Reason 0x04 (MQTT 5) asks for the will to be published anyway.
     *
     * @param sessionExpiryInterval a new Session Expiry Interval, or -1 if the packet has none
     */
    public void disconnect(int reasonCode, long sessionExpiryInterval) {
        onSession(() -> {
            if (sessionExpiryInterval >= 0) {
                if (connectSessionExpiry == 0 && sessionExpiryInterval > 0) {
                    disconnectByServer(ReasonCode.PROTOCOL_ERROR,
                            "session expiry interval changed from 0 in DISCONNECT");
                    return;
                }
                session().expiryIntervalSeconds(sessionExpiryInterval);
            }
            // Only a normal disconnection (0x00) discards the will; 0x04 and the client's error codes keep it.
            if (reasonCode == ReasonCode.SUCCESS.value()) {
                will = null;
            }
            end("disconnected");
        });
    }

    /** The transport became writable again: send what waited for it. */
    public void writable() {
        onSession(() -> session().fillWindow(actor.transmitter()));
    }

    // ---- ends without DISCONNECT from the client: the will is published ----

    /** The network connection closed (socket error or the peer closed it). */
    public void connectionLost() {
        if (phase == Phase.CONNECTED) {
            onSession(() -> end("closed its connection"));
        } else {
            context.connections().closed(this);
        }
    }

    /** Nothing was received for 1.5 times the keepalive. */
    public void keepAliveExpired() {
        LOG.log(INFO, () -> "Client " + describe() + " has exceeded timeout, disconnecting.");
        closeByServer(ReasonCode.KEEP_ALIVE_TIMEOUT, "keep alive timeout");
    }

    /** A packet not allowed now: close this connection only. */
    public void protocolViolation(String reason) {
        malformed(ReasonCode.PROTOCOL_ERROR.value(), reason);
    }

    /**
     * The transport could not decode what the client sent (0x81 malformed, 0x82 protocol error,
     * 0x95 packet too large): the connection is closed, an MQTT 5 client told why first.
     */
    public void malformed(int reasonCode, String reason) {
        LOG.log(INFO, () -> "Client " + describe() + " from " + outbound.remoteAddress()
                + " disconnected due to protocol error: " + reason + ".");
        ReasonCode code = ReasonCode.of(reasonCode);
        closeByServer(code == null ? ReasonCode.PROTOCOL_ERROR : code, reason);
    }

    /**
     * The broker ends the connection (administrative action 0x98, server shutting down 0x8B, ...):
     * an MQTT 5 client is sent DISCONNECT with the reason; the will is published.
     */
    public void closeByServer(ReasonCode code, String reason) {
        if (phase == Phase.CONNECTED) {
            onSession(() -> disconnectByServer(code, reason));
        } else {
            outbound.close();
            context.connections().closed(this);
        }
    }

    /** Any packet but CONNECT before CONNECT is a protocol violation. */
    public boolean awaitsConnect() {
        return phase == Phase.AWAITING_CONNECT;
    }

    @Override
    public void takenOver() {
        LOG.log(INFO, () -> "Client " + clientId + " already connected, closing old connection.");
        sendDisconnect(ReasonCode.SESSION_TAKEN_OVER, "another connection took over the session");
        end("taken over");
    }

    /** Session thread. */
    private void disconnectByServer(ReasonCode code, String reason) {
        if (ended) {
            return;
        }
        sendDisconnect(code, reason);
        end("disconnected by the broker: " + reason);
    }

    private void sendDisconnect(ReasonCode code, String reason) {
        if (version.hasReasonCodes()) {
            outbound.disconnect(code, reasonString(reason), null);
        }
    }

    /** Session thread: ends this connection once; publishes the will unless it was discarded. */
    private void end(String why) {
        if (ended) {
            return;
        }
        ended = true;
        context.metrics().clientDisconnected();
        LOG.log(INFO, () -> "Client " + clientId + " " + why + ".");
        // Mosquitto checks the will's write access when sending it.
        Message willMessage = will != null && permissions.canPublish(will.topic())
                ? will.toMessage(clientId, context.clock().monotonicMillis()) : null;
        long willDelay = will == null ? 0 : will.delaySeconds();
        will = null;
        outbound.close();
        context.connections().closed(this);
        context.sessions().connectionEnded(actor, this, willMessage, willDelay);
    }

    // ---- session-thread work ----

    private void logUnknownAck(String kind, int packetId, boolean known) {
        if (!known) {
            LOG.log(DEBUG, () -> "Client " + clientId + ": " + kind + " for unknown packet id " + packetId + " ignored.");
        }
    }

    /** A reason string for the client, unless it asked for none (Request Problem Information 0). */
    private String reasonString(String reason) {
        return clientProperties.requestProblemInformation() ? reason : null;
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
        if (phase == Phase.AUTHENTICATING) {
            protocolViolation("only AUTH may follow a CONNECT until authentication ends");
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

    // ---- read-only, for administration: safe from any thread ----

    /** The client id once CONNECT was accepted; null before. */
    public String clientId() {
        return clientId;
    }

    /** The username the client authenticated with, or null. */
    public String username() {
        return username;
    }

    public ProtocolVersion protocolVersion() {
        return version;
    }

    public String remoteAddress() {
        return outbound.remoteAddress();
    }

    /** The listener the connection came in on, or null. */
    public String listenerId() {
        return listenerId;
    }

    /** The keepalive the broker holds the client to (after max_keepalive), in seconds; 0 for none. */
    public int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    /** When CONNECT was accepted, on the {@link io.culex.domain.port.Clock} port's monotonic scale. */
    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    /** The session this connection is attached to; null before CONNECT was accepted. */
    public SessionActor sessionActor() {
        return actor;
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

    @Override
    public boolean isWritable() {
        return outbound.isWritable();
    }

    @Override
    public void readingNeeded() {
        if (throttle != null) {
            throttle.resume();
        }
    }

    /**
     * Writes a session's packets. QoS 0 waits in the session's queue while the connection is above its
     * write-buffer high-water mark (and its publishers are paused); one written regardless is dropped.
     */
    private final class OutboundTransmitter implements Transmitter {
        @Override
        public boolean publish(int packetId, Delivery delivery, boolean dup) {
            if (packetId == 0 && !outbound.isWritable()) {
                context.metrics().messageDropped(DropReason.SLOW_CONSUMER);
                return true;
            }
            Message message = delivery.message();
            long expiry = message.expires() ? message.remainingExpirySeconds(context.clock().monotonicMillis()) : -1;
            if (!outbound.publish(packetId, delivery, dup, expiry)) {
                context.metrics().messageDropped(DropReason.TOO_LARGE_FOR_CLIENT);
                return false;
            }
            context.metrics().messageSent(message.payload().length);
            return true;
        }

        @Override
        public void pubrel(int packetId) {
            outbound.pubrel(packetId, ReasonCode.SUCCESS);
        }

        @Override
        public boolean readyForQos0() {
            return outbound.isWritable();
        }
    }
}
