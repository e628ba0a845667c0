package io.culex.application;

import io.culex.application.admin.AdminService;
import io.culex.application.bridge.BridgeHost;
import io.culex.application.admin.ListenerInfo;
import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectionContext;
import io.culex.application.connection.ListenerSecurity;
import io.culex.application.connection.LiveConnections;
import io.culex.application.connection.Outbound;
import io.culex.application.connection.SessionRegistry;
import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.persistence.Persistence;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.routing.Router;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.Storage;
import io.culex.domain.message.Message;
import io.culex.domain.port.Authenticator;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.retained.RetainedMessages;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.port.Clock;
import io.culex.application.session.SessionActor;
import io.culex.domain.session.SessionLimits;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** The broker's application core: what a transport adapter talks to. */
public final class Broker implements BridgeHost {

    private final ConnectionContext context;
    private final AtomicReference<BrokerSettings> settings;
    /** Session expiry and will delay: one thread is plenty, the work itself runs on session threads. */
    private final ScheduledExecutorService timers = newTimerThread();
    private static final ListenerSecurity INTERNAL =
            new ListenerSecurity((clientId, address, username, password) -> Authenticator.Verdict.ACCEPTED,
                    Authorizer.ALLOW_ALL);
    private static final Clock MONOTONIC = () -> System.nanoTime() / 1_000_000;

    /** Restored sessions work here until their client connects and their work moves to its event loop. */
    private final ExecutorService restoredSessions = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "culex-restored-sessions");
        thread.setDaemon(true);
        return thread;
    });
    private final RetainedStore retainedStore;
    private final Persistence persistence;
    private final ListenerSecurity globalSecurity;
    private final Map<String, ListenerSecurity> listenerSecurity;
    private final long startedAtMillis;

    public Broker(BrokerSettings settings, RetainedStore retainedStore, Authenticator authenticator) {
        this(settings, retainedStore, authenticator, Authorizer.ALLOW_ALL);
    }

    /** @param authorizer the topic ACL ({@link Authorizer#ALLOW_ALL} without an acl_file) */
    public Broker(BrokerSettings settings, RetainedStore retainedStore, Authenticator authenticator,
                  Authorizer authorizer) {
        this(settings, retainedStore, new ListenerSecurity(authenticator, authorizer), Map.of());
    }

    /**
     * @param global           the authenticator and authorizer of connections from a listener without its own
     * @param listenerSecurity per listener id (Mosquitto's {@code per_listener_settings true}): the connections
     *                         {@link #accept(Outbound, String) accepted} on that listener use these instead
     */
    public Broker(BrokerSettings settings, RetainedStore retainedStore, ListenerSecurity global,
                  Map<String, ListenerSecurity> listenerSecurity) {
        this(settings, retainedStore, Persistence.none(MONOTONIC), global, listenerSecurity);
    }

    /**
     * With {@code storage}: when it is durable, persistent sessions and retained messages are written to it
     * (call {@link #recover()} before accepting connections) and QoS 1/2 publishers are acknowledged once
     * their message is stored.
     */
    public Broker(BrokerSettings settings, Storage storage, ListenerSecurity global,
                  Map<String, ListenerSecurity> listenerSecurity) {
        this(settings, storage.retained(), storage.durable() ? Persistence.durable(storage.state(), MONOTONIC)
                : Persistence.none(MONOTONIC), global, listenerSecurity);
    }

    private Broker(BrokerSettings settings, RetainedStore retainedStore, Persistence persistence,
                   ListenerSecurity global, Map<String, ListenerSecurity> listenerSecurity) {
        this.globalSecurity = global;
        this.listenerSecurity = Map.copyOf(listenerSecurity);
        this.retainedStore = retainedStore;
        this.persistence = persistence;
        this.settings = new AtomicReference<>(settings);
        BrokerMetrics metrics = new BrokerMetrics();
        Router router = new Router(new RetainedMessages(retainedStore), MONOTONIC, persistence);
        SessionRegistry sessions = new SessionRegistry(router, settings.sessionLimits(), metrics, MONOTONIC, timers,
                persistence);
        this.context = new ConnectionContext(this.settings::get, sessions, router, metrics, MONOTONIC,
                new LiveConnections(), persistence);
        this.startedAtMillis = MONOTONIC.monotonicMillis();
    }

    @Override
    public BrokerSettings settings() {
        return settings.get();
    }

    /**
     * A configuration reload (SIGHUP): connections opened from now on, and each action of the open ones that
     * reads a setting (a PUBLISH against message_size_limit, ...), use {@code next}; what a connection agreed at
     * CONNECT (keepalive, CONNACK limits, topic aliases) stays, and sessions keep the limits they were created with.
     */
    public void updateSettings(BrokerSettings next) {
        settings.set(java.util.Objects.requireNonNull(next, "next"));
        context.sessions().limits(next.sessionLimits());
    }

    /** The administration use cases over this broker, knowing the listeners the transport opened. */
    public AdminService admin(Supplier<List<ListenerInfo>> listeners) {
        return admin(listeners, BridgeMonitor.NONE);
    }

    /** The administration use cases, showing the bridges {@code bridges} reports too. */
    public AdminService admin(Supplier<List<ListenerInfo>> listeners, BridgeMonitor bridges) {
        return new AdminService(context, startedAtMillis, listeners, bridges);
    }

    /**
     * Start-up, before the listeners open: reads the retained messages and the persistent sessions back
     * from a durable store (expired ones are dropped). Restored sessions wait offline for their clients.
     */
    public RecoveredState recover() {
        RecoveredState state = persistence.recover();
        long now = MONOTONIC.monotonicMillis();
        for (var stored : state.retained()) {
            Message message = persistence.forms().message(stored);
            if (!message.isExpiredAt(now)) {
                retainedStore.put(message);
            }
        }
        for (var session : state.sessions()) {
            context.sessions().restore(session, restoredSessions, globalSecurity.authorizer());
        }
        return state;
    }

    private static ScheduledExecutorService newTimerThread() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "culex-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Ends every client connection as the broker stops: MQTT 5 clients are told DISCONNECT 0x8B
     * (server shutting down). Waits up to {@code waitMillis} for the connections to end, so the
     * transport can close afterwards without cutting those packets off.
     *
     * @return true if every connection ended in time
     */
    public boolean disconnectAll(long waitMillis) throws InterruptedException {
        for (ClientConnection connection : context.connections().snapshot()) {
            connection.closeByServer(ReasonCode.SERVER_SHUTTING_DOWN, "server shutting down");
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (!context.connections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return context.connections().isEmpty();
    }

    /** Stops the timers (session expiry, delayed wills) and writes what waits for the store. */
    public void close() {
        timers.shutdownNow();
        restoredSessions.shutdown();
        persistence.close();
    }

    /** A new network connection was accepted; the transport feeds its packets to the returned object. */
    public ClientConnection accept(Outbound outbound) {
        return accept(outbound, null);
    }

    /**
     * As {@link #accept(Outbound)}, for a connection that came in on the listener {@code listenerId}: it is
     * authenticated and authorised by that listener's security when it has its own, else by the broker's.
     *
     * @param listenerId the transport's name for the listener, or null
     */
    public ClientConnection accept(Outbound outbound, String listenerId) {
        context.metrics().socketOpened(listenerId);
        ListenerSecurity security = listenerId == null ? globalSecurity
                : listenerSecurity.getOrDefault(listenerId, globalSecurity);
        return new ClientConnection(context, outbound, security, listenerId);
    }

    /**
     * A connection the broker opens itself (a bridge's local side): like a client's, but accepted without
     * credentials and allowed every topic, whatever the listeners' authentication and ACL say.
     */
    @Override
    public ClientConnection acceptInternal(Outbound outbound) {
        return ClientConnection.internal(context, outbound, INTERNAL);
    }

    /** Network clients asking for {@code clientId} are refused: the id is a bridge's (see {@link SessionRegistry#reserve}). */
    @Override
    public void reserveClientId(String clientId) {
        context.sessions().reserve(clientId);
    }

    /** Sessions of {@code clientId} get {@code own} limits instead of the broker-wide ones (see {@link SessionRegistry#limitsFor}). */
    @Override
    public void sessionLimitsFor(String clientId, SessionLimits own) {
        context.sessions().limitsFor(clientId, own);
    }

    /** The session of {@code clientId}, connected or offline. */
    @Override
    public Optional<SessionActor> session(String clientId) {
        return context.sessions().find(clientId);
    }

    /**
     * Publishes a message the broker itself originates ($SYS topics, log lines): routed and
     * retained like a client's, without a publishing session. Safe from any thread.
     */
    @Override
    public void publishFromBroker(Message message) {
        context.router().publish(message);
    }

    public BrokerMetrics metrics() {
        return context.metrics();
    }

    public int sessionCount() {
        return context.sessions().size();
    }

    public int subscriptionCount() {
        return context.router().subscriptionCount();
    }

    public int retainedCount() {
        return context.router().retainedCount();
    }

    /**
     * Payload bytes of the retained messages under {@code #} and {@code $SYS/#} (other
     * {@code $} topics are not counted). A scan: for periodic statistics, not the publish path.
     */
    public long retainedBytes() {
        long[] bytes = new long[1];
        context.router().forEachRetained("#", message -> bytes[0] += message.payload().length);
        context.router().forEachRetained("$SYS/#", message -> bytes[0] += message.payload().length);
        return bytes[0];
    }
}
