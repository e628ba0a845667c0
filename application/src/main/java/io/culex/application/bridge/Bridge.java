package io.culex.application.bridge;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectProperties;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.connection.SubscriptionRequest;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.OutboundFlight;
import io.culex.domain.session.Session;
import io.culex.domain.session.SessionLimits;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One {@code connection} of the configuration at run time. Its local side is an ordinary persistent session
 * of the broker (client id {@code local_clientid}), subscribed to the out topics' local filters with No Local
 * and Retain As Published: messages for the remote queue in it (and in the store) while the remote is
 * unreachable, and the session's own resume re-sends unacknowledged PUBLISHes (DUP) and PUBRELs when a link
 * is back. The remote side is a {@link RemoteLink} from the {@link RemoteConnector} port, one
 * {@link RemoteSession} per attempt.
 *
 * <p>Threading: lifecycle changes (connect, disconnect, timers) are {@code synchronized} and short; they come
 * from the bridges' timer thread and the link's event loop. Messages do not take the lock: they flow between
 * the link's event loop and the local session, which runs on the same loop while the link is up.
 */
final class Bridge {

    private static final System.Logger LOG = System.getLogger("io.culex.bridge");
    static final long CHECK_INTERVAL_MILLIS = 1_000;
    static final long DROP_LOG_INTERVAL_MILLIS = 10_000;
    /**
     * How often a bridge on a backup address checks whether its primary address is reachable again: every 5 s,
     * as Mosquitto (bridge_check, primary_retry), so a bridge is back on its primary within seconds.
     */
    static final long PRIMARY_PROBE_INTERVAL_MILLIS = 5_000;
    private static final int LOCAL_SUBSCRIBE_PACKET_ID = 1;

    private final BridgeSettings settings;
    private final BridgeHost broker;
    private final RemoteConnector connector;
    private final BridgeTimers timers;
    private final TopicMapper topics;
    private final AddressRotation addresses;
    private final RestartBackoff backoff;
    private final BridgeTraffic traffic;

    // Guarded by this.
    private RemoteSession remote;
    private LocalSide local;
    private BridgeTimers.Scheduled retryTimer;
    private BridgeTimers.Scheduled checkTimer;
    private boolean stopped;
    private long droppedLogged;
    private long lastDropLogMillis;
    private long nextPrimaryProbeMillis;
    private boolean returningToPrimary;

    // Read by the status views.
    private volatile BridgeState state = BridgeState.IDLE;
    private volatile String address;
    private volatile long connectedSinceMillis;
    private volatile String lastError;

    Bridge(BridgeSettings settings, BridgeHost broker, RemoteConnector connector, BridgeTimers timers,
           RandomGenerator random) {
        this.settings = settings;
        this.broker = broker;
        this.connector = connector;
        this.timers = timers;
        this.topics = new TopicMapper(settings.topics());
        this.addresses = new AddressRotation(settings.addresses(), settings.roundRobin());
        this.backoff = new RestartBackoff(settings.restartTimeout(), random);
        this.traffic = new BridgeTraffic(timers::monotonicMillis);
        this.address = addresses.current().toString();
        broker.sessionLimitsFor(settings.localClientId(), ownLimits(broker.settings().sessionLimits()));
        // Otherwise a client with this id takes the session over, the bridge takes it back, and so on forever.
        broker.reserveClientId(settings.localClientId());
    }

    /** The broker's limits, but the queue bounded by bridge_max_queued_messages/bytes (0: no bound). */
    private SessionLimits ownLimits(SessionLimits broker) {
        return new SessionLimits(broker.maxInflight(),
                settings.maxQueuedMessages() == 0 ? Integer.MAX_VALUE : settings.maxQueuedMessages(),
                settings.maxQueuedBytes() == 0 ? Long.MAX_VALUE : settings.maxQueuedBytes(),
                broker.queueQos0WhileOffline());
    }

    String name() {
        return settings.name();
    }

    BridgeSettings settings() {
        return settings;
    }

    TopicMapper topics() {
        return topics;
    }

    BridgeTraffic traffic() {
        return traffic;
    }

    // ---- lifecycle ----

    /** Creates the local session and its subscriptions, then connects unless the bridge is lazy. */
    synchronized void start() {
        prepareLocalSession();
        if (settings.notifications()) {
            publishLocalState("0"); // as Mosquitto, before the first attempt
        }
        checkTimer = timers.schedule(this::check, CHECK_INTERVAL_MILLIS);
        if (settings.startType() == BridgeStartType.LAZY) {
            moveTo(BridgeState.IDLE, "waiting for " + settings.threshold() + " messages");
        } else {
            connect();
        }
    }

    /**
     * The session must exist, subscribed, before any remote does, so messages queue from the start: a
     * connection with no link creates (or resumes) it, subscribes and leaves at once. {@code local_cleansession}
     * applies here, once per broker start; later connections always resume the session.
     */
    private void prepareLocalSession() {
        LocalSide side = new LocalSide(this, null, true, QoS.EXACTLY_ONCE, timers::execute);
        ClientConnection connection = broker.acceptInternal(side);
        side.connection(connection);
        // Receive Maximum 1: with no link, at most one queued message moves into flight (and waits there).
        connection.connect(localConnect(settings.localCleanSession(), 1));
        subscribeLocally(connection, QoS.EXACTLY_ONCE);
        connection.connectionLost();
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        cancel(retryTimer);
        cancel(checkTimer);
        boolean wasConnected = local != null;
        detachLocal();
        if (remote != null) {
            remote.endDeliberately("bridge stopped");
            remote = null;
        }
        if (wasConnected && settings.notifications()) {
            publishLocalState("0");
        }
        moveTo(BridgeState.STOPPED, "broker stopping");
    }

    private void connect() {
        if (stopped) {
            return;
        }
        RemoteAddress target = addresses.current();
        address = target.toString();
        traffic.connectAttempt();
        moveTo(BridgeState.CONNECTING, null);
        remote = new RemoteSession(this, target);
        connector.connect(target, remoteConnect(), remote);
    }

    /** The link's event loop: CONNACK accepted. @return false if this attempt is no longer wanted */
    synchronized boolean remoteConnected(RemoteSession session) {
        return !stopped && session == remote;
    }

    /**
     * The packet ids the local session has in flight: the bridge's own packets to the remote avoid them, as
     * the remote may still hold a QoS 2 flow with one of them for this session.
     */
    CompletableFuture<Set<Integer>> localFlightIds() {
        return broker.session(settings.localClientId())
                .map(actor -> actor.query(session -> session.inflight().stream()
                        .map(OutboundFlight::packetId)
                        .collect(Collectors.toSet())))
                .orElseGet(() -> CompletableFuture.completedFuture(Set.of()));
    }

    /** The link's event loop: the bridge's own packets were acknowledged; the local session joins the link. */
    synchronized void attachLocal(RemoteSession session) {
        if (stopped || session != remote) {
            session.end("superseded", false);
            return;
        }
        RemoteLink link = session.link();
        RemoteConnack connack = session.connack();
        LocalSide side = new LocalSide(this, link, connack.retainAvailable(), connack.maximumQoS(),
                timers::execute);
        ClientConnection connection = broker.acceptInternal(side);
        side.connection(connection);
        local = side;
        int receiveMaximum = Math.max(1, Math.min(broker.settings().sessionLimits().maxInflight(),
                connack.receiveMaximum()));
        connection.connect(localConnect(false, receiveMaximum));
        // An MQTT 5 remote may take less than QoS 2: what the session sends from now on is capped to its maximum.
        subscribeLocally(connection, connack.maximumQoS());
        session.attached(side);
        backoff.reset();
        traffic.resetIdle();
        connectedSinceMillis = timers.epochMillis();
        nextPrimaryProbeMillis = timers.monotonicMillis() + PRIMARY_PROBE_INTERVAL_MILLIS;
        lastError = null;
        if (settings.notifications()) {
            publishLocalState("1");
        }
        moveTo(BridgeState.CONNECTED, null);
    }

    /** The link's event loop: an established link ended. */
    synchronized void remoteDisconnected(RemoteSession session, String reason) {
        if (session != remote) {
            return;
        }
        remote = null;
        boolean wasAttached = local != null;
        detachLocal();
        connectedSinceMillis = 0;
        String endedBy = session.endedBy();
        if (endedBy == null) {
            lastError = reason;
        }
        if (wasAttached && settings.notifications()) {
            publishLocalState("0");
        }
        LOG.log(INFO, () -> "Bridge " + name() + " disconnected from " + session.address() + ": "
                + (endedBy != null ? endedBy : reason) + ".");
        if (returningToPrimary) {
            returningToPrimary = false;
            addresses.backToPrimary();
            connect(); // the primary just answered: no reason to wait
            return;
        }
        addresses.next();
        afterLink(endedBy != null);
    }

    /** The link's event loop (or the caller's): the attempt failed before CONNACK accepted it. */
    synchronized void connectFailed(RemoteSession session, String reason) {
        if (session != remote) {
            return;
        }
        remote = null;
        traffic.connectFailure();
        lastError = reason;
        LOG.log(INFO, () -> "Bridge " + name() + " could not connect to " + session.address() + ": " + reason + ".");
        addresses.next();
        afterLink(false);
    }

    /** The broker ended the bridge's local connection (e.g. another client took its id): the link goes too. */
    synchronized void localSideClosed(LocalSide side) {
        if (side != local || stopped) {
            return;
        }
        LOG.log(WARNING, () -> "Bridge " + name() + ": the local broker closed its session.");
        local = null;
        if (remote != null) {
            remote.endDeliberately("local session closed");
        }
    }

    /** After a link ended or could not be made: what the start type says comes next. */
    private void afterLink(boolean endedByBridge) {
        if (stopped) {
            return;
        }
        switch (settings.startType()) {
            case ONCE:
                moveTo(BridgeState.IDLE, "start_type once: no further attempt");
                return;
            case LAZY:
                if (endedByBridge) {
                    moveTo(BridgeState.IDLE, "waiting for " + settings.threshold() + " messages");
                    return;
                }
                scheduleRetry();
                return;
            default:
                scheduleRetry();
        }
    }

    private void scheduleRetry() {
        long delay = backoff.nextDelayMillis();
        moveTo(BridgeState.WAITING_TO_RETRY, "next attempt in " + delay / 1000.0 + " s");
        retryTimer = timers.schedule(this::retry, delay);
    }

    private synchronized void retry() {
        if (stopped || state != BridgeState.WAITING_TO_RETRY) {
            return;
        }
        if (settings.startType() == BridgeStartType.LAZY) {
            moveTo(BridgeState.IDLE, "waiting for " + settings.threshold() + " messages");
        } else {
            connect();
        }
    }

    private void detachLocal() {
        if (local != null) {
            ClientConnection connection = local.connection();
            local = null;
            connection.connectionLost(); // the session stays: store and forward
        }
    }

    // ---- periodic check (timer thread) ----

    /** Refreshes the queue figures, logs drops, and runs a lazy bridge's threshold and idle rules. */
    void check() {
        broker.session(settings.localClientId()).ifPresent(actor -> actor
                .query(session -> new long[] {session.pendingCount() + session.inflight().size(),
                        session.droppedCount()})
                .thenAccept(figures -> traffic.queue(figures[0], figures[1])));
        synchronized (this) {
            if (stopped) {
                return;
            }
            logDrops();
            if (settings.startType() == BridgeStartType.LAZY) {
                checkLazy();
            }
            probePrimaryIfOnBackup();
            checkTimer = timers.schedule(this::check, CHECK_INTERVAL_MILLIS);
        }
    }

    private void checkLazy() {
        if (state == BridgeState.IDLE && traffic.queued() >= settings.threshold()) {
            connect();
        } else if (state == BridgeState.CONNECTED
                && traffic.idleMillis() >= settings.idleTimeoutSeconds() * 1000L && remote != null) {
            remote.endDeliberately("idle for " + settings.idleTimeoutSeconds() + " s");
        }
    }

    private void logDrops() {
        long dropped = traffic.dropped();
        long now = timers.monotonicMillis();
        if (dropped > droppedLogged && (droppedLogged == 0 || now - lastDropLogMillis >= DROP_LOG_INTERVAL_MILLIS)) {
            long newly = dropped - droppedLogged;
            droppedLogged = dropped;
            lastDropLogMillis = now;
            LOG.log(WARNING, () -> "Bridge " + name() + ": queue for the remote full, " + newly
                    + " messages dropped (" + dropped + " in all).");
        }
    }

    /**
     * Mosquitto checks the primary address while on a backup; so does this, with a full connection attempt
     * under another client id: if the primary answers, the bridge leaves the backup to reconnect there.
     */
    private void probePrimaryIfOnBackup() {
        if (state != BridgeState.CONNECTED || !addresses.onBackup()
                || timers.monotonicMillis() < nextPrimaryProbeMillis) {
            return;
        }
        nextPrimaryProbeMillis = timers.monotonicMillis() + PRIMARY_PROBE_INTERVAL_MILLIS;
        RemoteConnectRequest usual = remoteConnect();
        RemoteConnectRequest probe = new RemoteConnectRequest(usual.version(), usual.tryPrivate(),
                settings.remoteClientId() + ".probe", true, 0, usual.keepAliveSeconds(), usual.username(),
                usual.password(), null, 0, usual.maximumPacketSize(), usual.tls());
        connector.connect(addresses.primary(), probe, new PrimaryProbe(this));
    }

    /** The primary answered a probe: leave the backup. */
    synchronized void primaryReachable() {
        if (!addresses.onBackup() || remote == null || stopped) {
            return;
        }
        LOG.log(INFO, () -> "Bridge " + name() + ": primary address " + addresses.primary() + " is back.");
        returningToPrimary = true;
        remote.endDeliberately("returning to the primary address");
    }

    // ---- requests ----

    /** The local session's CONNECT: MQTT 5 (for No Local), never expiring; the username is the client id so that
     * use_username_as_clientid keeps it. */
    private ConnectRequest localConnect(boolean cleanStart, int receiveMaximum) {
        ConnectProperties properties = new ConnectProperties(Session.NEVER_EXPIRES, receiveMaximum,
                ConnectProperties.NO_LIMIT, 0, true, false, null, null, List.of());
        return new ConnectRequest(ProtocolVersion.MQTT_5.level(), settings.localClientId(), cleanStart, 0,
                settings.localClientId(), null, null, false, properties);
    }

    /**
     * The out topics' local filters at their QoS (at most {@code maximum}), No Local (what came in does not go
     * back out), Retain As Published.
     */
    private void subscribeLocally(ClientConnection connection, QoS maximum) {
        List<SubscriptionRequest> requests = topics.outTopics().stream()
                .map(topic -> new SubscriptionRequest(topic.localFilter(), topic.qos().min(maximum), true, true,
                        RetainHandling.SEND_IF_NEW_SUBSCRIPTION))
                .toList();
        if (!requests.isEmpty()) {
            connection.subscribe(LOCAL_SUBSCRIBE_PACKET_ID, requests);
        }
    }

    private RemoteConnectRequest remoteConnect() {
        boolean remoteNotifications = settings.notifications() && !settings.notificationsLocalOnly();
        RemoteWill will = remoteNotifications ? new RemoteWill(settings.notificationTopic(),
                "0".getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, true) : null;
        boolean v5 = settings.protocolVersion() == ProtocolVersion.MQTT_5;
        return new RemoteConnectRequest(settings.protocolVersion(), settings.tryPrivate() && !v5,
                settings.remoteClientId(), settings.cleanSession(),
                settings.cleanSession() ? 0 : Session.NEVER_EXPIRES, settings.keepAliveSeconds(),
                settings.remoteUsername(),
                settings.remotePassword() == null ? null : settings.remotePassword().getBytes(StandardCharsets.UTF_8),
                will, 0, settings.maxPacketSize(), settings.tls());
    }

    private void publishLocalState(String payload) {
        broker.publishFromBroker(new Message(settings.notificationTopic(), payload.getBytes(StandardCharsets.UTF_8),
                QoS.AT_LEAST_ONCE, true));
    }

    // ---- status ----

    /** One log line per state change: "Bridge cloud connected (10.0.0.5:1883)." */
    private void moveTo(BridgeState next, String detail) {
        state = next;
        LOG.log(INFO, () -> "Bridge " + name() + " " + next.name().toLowerCase().replace('_', ' ') + " ("
                + address + ")" + (detail == null ? "" : ": " + detail) + ".");
    }

    BridgeStatus status() {
        return new BridgeStatus(name(), state, address, connectedSinceMillis, traffic.sentCount(),
                traffic.receivedCount(), traffic.queued(), traffic.dropped(), traffic.connectAttempts(),
                traffic.connectFailures(), lastError);
    }

    private static void cancel(BridgeTimers.Scheduled timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
