package io.culex.application.connection;

import static org.junit.jupiter.api.Assertions.fail;

import io.culex.application.Broker;
import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.settings.ProtocolSettings;
import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.domain.message.QoS;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;
import io.culex.domain.session.SessionLimits;
import io.culex.domain.topic.Subscription.RetainHandling;
import io.culex.domain.will.Will;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A real application {@link Broker} on the memory backend, and clients of any MQTT version whose
 * "network" runs every task on the calling thread, so each call has finished when it returns.
 * Only the broker's timers (session expiry, will delay) run elsewhere: {@link #await} polls for
 * what they do, with a deadline.
 */
final class BrokerHarness implements AutoCloseable {

    /** How long {@link #await} waits for a timer before failing: several times the 1 s the tests use. */
    private static final long AWAIT_MILLIS = 5_000;

    final Broker broker;

    BrokerHarness() {
        this(BrokerSettings.defaults());
    }

    BrokerHarness(BrokerSettings settings) {
        this(settings, Authorizer.ALLOW_ALL);
    }

    BrokerHarness(BrokerSettings settings, Authorizer authorizer) {
        broker = new Broker(settings, StorageProviders.byName("memory").open(StorageSettings.inMemory()).retained(),
                new AnonymousPolicyAuthenticator(true), authorizer);
    }

    @Override
    public void close() {
        broker.close();
    }

    // ---- settings ----

    /** The defaults with other MQTT 5 protocol settings. */
    /**
     * A broker on {@code state} declared durable (publishers acknowledged once it wrote), retained messages in
     * memory, anonymous clients allowed, recovered from the store as at start-up.
     */
    static Broker durableBroker(BrokerSettings settings, StateStore state) {
        RetainedStore retained = new MemoryRetainedStore();
        Storage storage = new Storage() {
            @Override public RetainedStore retained() { return retained; }
            @Override public StateStore state() { return state; }
            @Override public boolean durable() { return true; }
            @Override public void close() { }
        };
        Broker started = new Broker(settings, storage,
                new ListenerSecurity(new AnonymousPolicyAuthenticator(true), Authorizer.ALLOW_ALL), Map.of());
        started.recover();
        return started;
    }

    static BrokerSettings settings(ProtocolSettings protocol) {
        BrokerSettings defaults = BrokerSettings.defaults();
        return new BrokerSettings(defaults.allowZeroLengthClientId(), defaults.autoIdPrefix(),
                defaults.maxKeepaliveSeconds(), defaults.messageSizeLimit(), defaults.sessionLimits(),
                defaults.clientIdPrefix(), defaults.useUsernameAsClientId(), protocol);
    }

    /** The defaults with other session limits (max_inflight_messages, ...). */
    static BrokerSettings settings(SessionLimits limits) {
        BrokerSettings defaults = BrokerSettings.defaults();
        return new BrokerSettings(defaults.allowZeroLengthClientId(), defaults.autoIdPrefix(),
                defaults.maxKeepaliveSeconds(), defaults.messageSizeLimit(), limits);
    }

    /** max_inflight_messages {@code maxInflight}, the other limits as Mosquitto's defaults. */
    static BrokerSettings maxInflight(int maxInflight) {
        SessionLimits defaults = SessionLimits.defaults();
        return settings(new SessionLimits(maxInflight, defaults.maxQueuedMessages(), defaults.maxQueuedBytes(),
                defaults.queueQos0WhileOffline()));
    }

    // ---- clients ----

    /** MQTT 5 CONNECT properties with the given session expiry and receive maximum, no topic aliases towards the client. */
    static ConnectProperties v5Properties(long sessionExpirySeconds, int receiveMaximum) {
        return new ConnectProperties(sessionExpirySeconds, receiveMaximum, ConnectProperties.NO_LIMIT, 0, true,
                false, null, null, List.of());
    }

    /** Any CONNECT; the client is connected unless the broker refused it. */
    TestClient connect(ConnectRequest request) {
        TestClient client = new TestClient();
        client.connection = broker.accept(client);
        client.connection.connect(request);
        return client;
    }

    /** An MQTT 5 client with Clean Start and a session that ends with the connection. */
    TestClient v5(String clientId) {
        return v5(clientId, true, 0, null);
    }

    TestClient v5(String clientId, boolean cleanStart, long sessionExpirySeconds, Will will) {
        return v5(clientId, cleanStart, sessionExpirySeconds, 65_535, will);
    }

    TestClient v5(String clientId, boolean cleanStart, long sessionExpirySeconds, int receiveMaximum, Will will) {
        return connect(new ConnectRequest(5, clientId, cleanStart, 60, null, null, will, false,
                v5Properties(sessionExpirySeconds, receiveMaximum)));
    }

    TestClient v311(String clientId, boolean cleanSession) {
        return v311(clientId, cleanSession, null);
    }

    TestClient v311(String clientId, boolean cleanSession, Will will) {
        return connect(new ConnectRequest(4, clientId, cleanSession, 60, null, null, will));
    }

    TestClient v31(String clientId) {
        return connect(new ConnectRequest(3, clientId, true, 60, null, null, null));
    }

    // ---- subscription requests ----

    static SubscriptionRequest sub(String filter, QoS qos) {
        return new SubscriptionRequest(filter, qos);
    }

    static SubscriptionRequest noLocal(SubscriptionRequest request) {
        return new SubscriptionRequest(request.filter(), request.requestedQos(), true, request.retainAsPublished(),
                request.retainHandling());
    }

    static SubscriptionRequest retainAsPublished(SubscriptionRequest request) {
        return new SubscriptionRequest(request.filter(), request.requestedQos(), request.noLocal(), true,
                request.retainHandling());
    }

    static SubscriptionRequest retainHandling(SubscriptionRequest request, RetainHandling handling) {
        return new SubscriptionRequest(request.filter(), request.requestedQos(), request.noLocal(),
                request.retainAsPublished(), handling);
    }

    // ---- timers ----

    /** Waits until {@code condition} holds, failing after a few seconds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AWAIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
