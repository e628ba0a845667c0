package io.culex.application.admin;

import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.bridge.BridgeStatus;
import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectionContext;
import io.culex.application.metrics.ListenerMetrics;
import io.culex.application.persistence.StoreStats;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.application.protocol.ReasonCode;
import io.culex.application.session.SessionActor;
import io.culex.domain.message.Message;
import io.culex.domain.topic.InvalidTopicException;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What an administrator may see and do: clients, sessions, subscriptions, retained messages, publishing and the
 * broker's counters. Reads of a session's state run on the session's own thread and are waited for with a
 * timeout, so call this from a thread of its own, never from a network event loop (whose sessions it would
 * then wait for).
 */
public final class AdminService {

    /** How long a read waits for a busy session's thread. */
    static final long SESSION_READ_TIMEOUT_MILLIS = 2_000;

    private final ConnectionContext context;
    private final long startedAtMillis;
    private final Supplier<List<ListenerInfo>> listeners;
    private final BridgeMonitor bridges;

    /** A broker without bridges. */
    public AdminService(ConnectionContext context, long startedAtMillis, Supplier<List<ListenerInfo>> listeners) {
        this(context, startedAtMillis, listeners, BridgeMonitor.NONE);
    }

    /**
     * @param startedAtMillis when the broker started, on the context clock's scale
     * @param listeners       the listeners open, in configuration order (known only once they are bound)
     * @param bridges         the configured bridges' state
     */
    public AdminService(ConnectionContext context, long startedAtMillis, Supplier<List<ListenerInfo>> listeners,
                        BridgeMonitor bridges) {
        this.context = context;
        this.startedAtMillis = startedAtMillis;
        this.listeners = listeners;
        this.bridges = bridges;
    }

    // ---- clients ----

    /** Connected clients and offline persistent sessions matching {@code filter}, sorted by client id. */
    public Page<ClientSummary> clients(ClientFilter filter, int page, int size) {
        List<ClientSummary> matching = new ArrayList<>();
        for (ClientSummary client : allClients().values()) {
            if (filter.matches(client)) {
                matching.add(client);
            }
        }
        matching.sort(Comparator.comparing(ClientSummary::clientId));
        return Page.of(matching, page, size);
    }

    /** By client id: connected clients first, then the sessions of clients that are offline. */
    private Map<String, ClientSummary> allClients() {
        Map<String, ClientSummary> clients = new HashMap<>();
        for (ClientConnection connection : connectedClients()) {
            // During a takeover two connections share an id for a moment: the newer one is the client now.
            clients.merge(connection.clientId(), summary(connection),
                    (a, b) -> a.connectedForSeconds() <= b.connectedForSeconds() ? a : b);
        }
        for (SessionActor session : context.sessions().snapshot()) {
            clients.putIfAbsent(session.clientId(), ClientSummary.offline(session.clientId()));
        }
        return clients;
    }

    private List<ClientConnection> connectedClients() {
        List<ClientConnection> connected = new ArrayList<>();
        for (ClientConnection connection : context.connections().snapshot()) {
            if (connection.clientId() != null) {
                connected.add(connection);
            }
        }
        return connected;
    }

    private ClientSummary summary(ClientConnection connection) {
        long connectedFor = (context.clock().monotonicMillis() - connection.connectedAtMillis()) / 1000;
        return new ClientSummary(connection.clientId(), connection.username(), connection.remoteAddress(),
                versionName(connection.protocolVersion()), connection.listenerId(), true, connectedFor,
                connection.keepAliveSeconds());
    }

    static String versionName(ProtocolVersion version) {
        switch (version) {
            case MQTT_3_1:
                return "3.1";
            case MQTT_3_1_1:
                return "3.1.1";
            default:
                return "5";
        }
    }

    /** One client and its session's state; empty if the broker knows no session of {@code clientId}. */
    public Optional<ClientDetail> client(String clientId) {
        Optional<SessionActor> session = context.sessions().find(clientId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        ClientSummary summary = allClients().getOrDefault(clientId, ClientSummary.offline(clientId));
        return Optional.of(new ClientDetail(summary, await(session.get().query(SessionState::of), clientId)));
    }

    /**
     * Disconnects a connected client: an MQTT 5 client is sent DISCONNECT 0x98 (administrative action); its will
     * is published, and a persistent session stays, as after any connection loss.
     *
     * @return false if no client with that id is connected
     */
    public boolean disconnect(String clientId) {
        boolean found = false;
        for (ClientConnection connection : connectedClients()) {
            if (connection.clientId().equals(clientId)) {
                connection.closeByServer(ReasonCode.ADMINISTRATIVE_ACTION, "disconnected by an administrator");
                found = true;
            }
        }
        return found;
    }

    // ---- subscriptions ----

    /**
     * Every session's subscriptions whose client id contains {@code clientIdPart} and whose filter contains
     * {@code filterPart} (null: any), sorted by client id, then filter.
     */
    public Page<SubscriptionEntry> subscriptions(String clientIdPart, String filterPart, int page, int size) {
        List<SessionActor> sessions = context.sessions().snapshot();
        List<CompletableFuture<List<Subscription>>> reads = new ArrayList<>();
        for (SessionActor session : sessions) {
            reads.add(session.query(s -> List.copyOf(s.subscriptions().values())));
        }
        ClientFilter byId = new ClientFilter(clientIdPart, null, null);
        List<SubscriptionEntry> entries = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            String clientId = sessions.get(i).clientId();
            List<Subscription> subscriptions = await(reads.get(i), clientId);
            if (!byId.matches(ClientSummary.offline(clientId))) {
                continue;
            }
            for (Subscription subscription : subscriptions) {
                if (filterPart == null || subscription.filter().contains(filterPart)) {
                    entries.add(new SubscriptionEntry(clientId, subscription));
                }
            }
        }
        entries.sort(Comparator.comparing(SubscriptionEntry::clientId)
                .thenComparing(entry -> entry.subscription().filter()));
        return Page.of(entries, page, size);
    }

    // ---- retained messages ----

    /**
     * The retained messages matching {@code filter} (as a subscriber would receive them), sorted by topic.
     *
     * @throws InvalidTopicException if {@code filter} is not a valid topic filter
     */
    public Page<Message> retained(String filter, int page, int size) {
        Topics.validateTopicFilter(filter);
        List<Message> messages = new ArrayList<>();
        context.router().forEachRetained(filter, messages::add);
        messages.sort(Comparator.comparing(Message::topic));
        return Page.of(messages, page, size);
    }

    /**
     * Deletes the retained message of {@code topic}, without publishing anything to subscribers.
     *
     * @return false if the topic had none
     * @throws InvalidTopicException if {@code topic} is not a valid topic name
     */
    public boolean deleteRetained(String topic) {
        Topics.validateTopicName(topic);
        return context.router().removeRetained(topic);
    }

    // ---- publishing ----

    /**
     * Publishes as the broker (like $SYS messages, without a publishing session), counted as a received PUBLISH.
     *
     * @return how many sessions it was handed to
     * @throws InvalidTopicException if the topic is not a valid topic name
     */
    public int publish(PublishCommand command) {
        Topics.validateTopicName(command.topic());
        Message message = new Message(command.topic(), command.payload(), command.qos(), command.retain());
        context.metrics().messageReceived(command.payload().length);
        return context.router().publish(message);
    }

    // ---- the broker ----

    /** The durable store's writer, if there is one. */
    public Optional<StoreStats> storeStats() {
        return context.persistence().stats();
    }

    public BrokerStats stats() {
        long[] retainedBytes = new long[1];
        context.router().forEachRetained("#", message -> retainedBytes[0] += message.payload().length);
        context.router().forEachRetained("$SYS/#", message -> retainedBytes[0] += message.payload().length);
        return new BrokerStats((context.clock().monotonicMillis() - startedAtMillis) / 1000,
                context.metrics().clientsConnected(), context.sessions().size(), context.router().subscriptionCount(),
                context.router().retainedCount(), retainedBytes[0], context.metrics().totals());
    }

    /** The listeners, each with its connected clients and traffic. */
    public List<ListenerStatus> listeners() {
        Map<String, Integer> connected = new HashMap<>();
        for (ClientConnection connection : connectedClients()) {
            if (connection.listenerId() != null) {
                connected.merge(connection.listenerId(), 1, Integer::sum);
            }
        }
        List<ListenerStatus> statuses = new ArrayList<>();
        for (ListenerInfo listener : listeners.get()) {
            ListenerMetrics traffic = context.metrics().listener(listener.id());
            statuses.add(new ListenerStatus(listener, connected.getOrDefault(listener.id(), 0),
                    traffic.socketsOpened(), traffic.bytesReceived(), traffic.bytesSent()));
        }
        return statuses;
    }

    /** Every configured bridge, in configuration order. */
    public List<BridgeStatus> bridges() {
        return bridges.bridges();
    }

    /** The bridge called {@code name}; empty if none is configured. */
    public Optional<BridgeStatus> bridge(String name) {
        return bridges().stream().filter(bridge -> bridge.name().equals(name)).findFirst();
    }

    private static <T> T await(CompletableFuture<T> read, String clientId) {
        try {
            return read.get(SESSION_READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AdminUnavailableException("the session of " + clientId + " did not answer within "
                    + SESSION_READ_TIMEOUT_MILLIS + " ms", e);
        } catch (ExecutionException e) {
            throw new AdminUnavailableException("reading the session of " + clientId + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminUnavailableException("interrupted", e);
        }
    }
}
