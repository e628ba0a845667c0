package io.culex.bootstrap;

import io.culex.adapters.netty.MqttServer;
import io.culex.adapters.netty.TransportSettings;
import io.culex.application.Broker;
import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.connection.ListenerSecurity;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.settings.ProtocolSettings;
import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.memory.MemoryStorageProvider;
import io.culex.application.admin.AdminService;
import io.culex.application.admin.ListenerInfo;
import io.culex.application.admin.MetricsReport;
import io.culex.bootstrap.admin.HttpApiListener;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.ListenerConfig;
import io.culex.bootstrap.config.ListenerSecurityConfig;
import io.culex.bootstrap.config.PersistenceConfig;
import io.culex.bootstrap.config.ProtocolConfig;
import io.culex.bootstrap.security.AclFileException;
import io.culex.bootstrap.security.AclFileLoader;
import io.culex.bootstrap.security.AuthProviderException;
import io.culex.bootstrap.security.PasswordFileException;
import io.culex.bootstrap.security.ReloadableSecurity;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.session.SessionLimits;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Objects;
import java.util.function.Function;

/** A running broker: storage, application core and listeners wired from one configuration. */
public final class CulexBroker implements AutoCloseable {

    /** Room for the fixed parts of a PUBLISH besides its payload: the longest topic and a packet id. */
    private static final int PUBLISH_HEADER_ALLOWANCE = 2 + 65_535 + 2;
    private static final long DISCONNECT_WAIT_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger("io.culex");

    private final Storage storage;
    private final Broker broker;
    private final MqttServer server;
    private final List<InetSocketAddress> listeners;
    private final SysTopicsSchedule sysTopics;
    /** The broker-wide set first, then with per_listener_settings true one per listener, in configuration order. */
    private final List<ReloadableSecurity> security;
    private final List<HttpApiListener> httpApis;
    private final Bridges bridges;

    private CulexBroker(Storage storage, Broker broker, MqttServer server, List<InetSocketAddress> listeners,
                        SysTopicsSchedule sysTopics, List<ReloadableSecurity> security, List<HttpApiListener> httpApis,
                        Bridges bridges) {
        this.bridges = bridges;
        this.security = List.copyOf(security);
        this.httpApis = List.copyOf(httpApis);
        this.storage = storage;
        this.broker = broker;
        this.server = server;
        this.listeners = List.copyOf(listeners);
        this.sysTopics = sysTopics;
    }

    /**
     * Opens storage, binds every configured listener and starts the bridges, which the admin API, the dashboard,
     * /metrics and $SYS show; on failure, releases what was opened.
     */
    public static CulexBroker start(BrokerConfig config) {
        return start(config, Bridges::monitor);
    }

    /**
     * As {@link #start(BrokerConfig)}, with the admin API, the dashboard, /metrics and $SYS showing the bridges
     * {@code shown} reports instead of the configured ones (tests).
     */
    public static CulexBroker start(BrokerConfig config, BridgeMonitor shown) {
        return start(config, running -> shown);
    }

    private static CulexBroker start(BrokerConfig config, Function<Bridges, BridgeMonitor> shownBridges) {
        List<ReloadableSecurity> security = new ArrayList<>();
        Map<String, ListenerSecurity> perListener = new HashMap<>();
        try {
            // The broker-wide set serves every listener unless per_listener_settings gives each its own.
            security.add(ReloadableSecurity.configure(config.security(), SystemClock.INSTANCE));
            if (config.perListenerSettings()) {
                for (int i = 0; i < config.listeners().size(); i++) {
                    ReloadableSecurity own = ReloadableSecurity.configure(config.security(i), SystemClock.INSTANCE);
                    security.add(own);
                    perListener.put(listenerId(i), own.forBroker());
                }
            }
        } catch (RuntimeException e) {
            security.forEach(ReloadableSecurity::close);
            throw e;
        }
        Storage storage;
        try {
            storage = openStorage(config.persistence());
        } catch (RuntimeException e) {
            security.forEach(ReloadableSecurity::close);
            throw e;
        }
        Broker broker = new Broker(toBrokerSettings(config), storage, security.get(0).forBroker(), perListener);
        MqttServer server = new MqttServer(broker, TransportSettings.defaults(maxRemainingLength(config)));
        Bridges bridges = Bridges.create(config.bridges(), broker, server);
        BridgeMonitor shown = shownBridges.apply(bridges);
        try {
            recover(broker, config.persistence());
            List<ListenerConfig> configured = config.listeners();
            InetSocketAddress[] bound = new InetSocketAddress[configured.size()];
            List<ListenerInfo> opened = new CopyOnWriteArrayList<>();
            for (int i = 0; i < configured.size(); i++) {
                if (configured.get(i).servesMqtt()) {
                    bound[i] = server.bind(ListenerSpecs.of(configured.get(i), listenerId(i)));
                }
            }
            // The HTTP API listeners last: the MQTT ones already serve when the API first answers.
            AdminService admin = broker.admin(() -> List.copyOf(opened), shown);
            MetricsReport metrics = new MetricsReport(admin, broker.metrics(), Version.current());
            List<HttpApiListener> httpApis = new ArrayList<>();
            for (int i = 0; i < configured.size(); i++) {
                ListenerConfig listener = configured.get(i);
                if (!listener.servesMqtt()) {
                    ReloadableSecurity own = config.perListenerSettings() ? security.get(i + 1) : security.get(0);
                    HttpApiListener api = HttpApiListener.create(listener.httpApi(), own.authentication(), admin,
                            metrics, Version.current(), SystemClock.INSTANCE, "listener " + listener.port());
                    httpApis.add(api);
                    bound[i] = server.bindHttpApi(ListenerSpecs.of(listener, listenerId(i)), api.api());
                }
            }
            for (int i = 0; i < configured.size(); i++) {
                opened.add(new ListenerInfo(listenerId(i), ListenerSpecs.protocolName(configured.get(i)),
                        bound[i].getAddress().getHostAddress(), bound[i].getPort(), configured.get(i).tls() != null));
            }
            bridges.start(); // after recovery, with the listeners open
            return new CulexBroker(storage, broker, server, List.of(bound),
                    SysTopicsSchedule.start(broker, config.sysIntervalSeconds(), shown), security, httpApis, bridges);
        } catch (RuntimeException e) {
            bridges.close();
            server.close();
            broker.close();
            storage.close();
            security.forEach(ReloadableSecurity::close);
            throw e;
        }
    }

    /**
     * persistence true: the configured backend in persistence_location; otherwise memory (as Mosquitto).
     *
     * @throws io.culex.domain.port.StateStore.StoreException when the store cannot be opened (path, reason)
     */
    private static Storage openStorage(PersistenceConfig persistence) {
        if (!persistence.enabled()) {
            return StorageProviders.byName(MemoryStorageProvider.NAME).open(StorageSettings.inMemory());
        }
        String location = persistence.location().isEmpty() ? "." : persistence.location();
        return StorageProviders.byName(persistence.backend()).open(new StorageSettings(location, persistence.file()));
    }

    private static void recover(Broker broker, PersistenceConfig persistence) {
        if (!persistence.enabled()) {
            return;
        }
        long started = System.nanoTime();
        RecoveredState state = broker.recover();
        LOG.log(System.Logger.Level.INFO, () -> String.format(
                "Restored %d persistent sessions and %d retained messages from the %s store in %d ms.",
                state.sessions().size(), state.retained().size(), persistence.backend(),
                (System.nanoTime() - started) / 1_000_000));
    }

    /** How the transport and the application name the listener at {@code index} of the configuration. */
    private static String listenerId(int index) {
        return "listener-" + index;
    }

    static BrokerSettings toBrokerSettings(BrokerConfig config) {
        SessionLimits limits = new SessionLimits(config.maxInflightMessages(), config.maxQueuedMessages(),
                config.maxQueuedBytes(), config.queueQos0Messages());
        ProtocolConfig protocol = config.protocol();
        ProtocolSettings protocolSettings = new ProtocolSettings(protocol.maxTopicAlias(), protocol.maxPacketSize(),
                QoS.EXACTLY_ONCE, config.retainAvailable(), protocol.persistentClientExpirationSeconds(),
                protocol.serverReference(), protocol.serverMoved());
        return new BrokerSettings(config.allowZeroLengthClientId(), config.autoIdPrefix(), config.maxKeepalive(),
                config.messageSizeLimit(), limits, config.clientIdPrefix(), config.useUsernameAsClientId(),
                protocolSettings);
    }

    /**
     * Packets are refused before buffering once they cannot fit any acceptable
     * PUBLISH; a PUBLISH under that bound but over message_size_limit is read and
     * dropped by the application, which completes its QoS flow as Mosquitto does.
     */
    private static int maxRemainingLength(BrokerConfig config) {
        long bound = (long) config.messageSizeLimit() + PUBLISH_HEADER_ALLOWANCE;
        int maxPacketSize = config.protocol().maxPacketSize();
        if (maxPacketSize > 0) {
            bound = Math.min(bound, largestRemainingLength(maxPacketSize));
        }
        return (int) Math.min(bound, BrokerSettings.MQTT_MAX_PAYLOAD);
    }

    /**
     * max_packet_size counts the whole packet: one type byte, the remaining length in 1 to 4 bytes,
     * then that many bytes. The largest remaining length that fits, whatever its own encoded size.
     */
    static int largestRemainingLength(int maxPacketSize) {
        int largest = 0;
        int[] mostPerLengthBytes = {127, 16_383, 2_097_151, 268_435_455};
        for (int lengthBytes = 1; lengthBytes <= 4; lengthBytes++) {
            int remaining = Math.min(maxPacketSize - 1 - lengthBytes, mostPerLengthBytes[lengthBytes - 1]);
            largest = Math.max(largest, remaining);
        }
        return largest;
    }

    /** The addresses actually bound, in configuration order (useful with port 0). */
    public List<InetSocketAddress> listeners() {
        return listeners;
    }

    public Broker broker() {
        return broker;
    }

    /** The bridges' state ({@code connection} sections), in configuration order. */
    public BridgeMonitor bridges() {
        return bridges.monitor();
    }

    /**
     * What SIGHUP reloads when the configuration itself is not reloaded (no configuration file, or one that no
     * longer parses): the password, ACL and TLS files, every listener's with per_listener_settings true.
     */
    public synchronized void reload() {
        security.forEach(ReloadableSecurity::reload);
        httpApis.forEach(HttpApiListener::reload);
        server.reloadTls(); // TLS files too (mosquitto#2038); failures are logged, the old certificate stays
    }

    /**
     * A configuration reload (SIGHUP): applies {@code next}, in which the caller has kept every option that needs a
     * restart as it is now ({@link io.culex.bootstrap.config.ConfigChanges}). Security options that changed are
     * opened first, so a password or ACL file that cannot be used changes nothing; then the settings, the $SYS
     * interval and the transport's packet limit are replaced, and the files of unchanged security options re-read
     * as {@link #reload()} does.
     *
     * @throws PasswordFileException  if a new password_file cannot be read; nothing changed
     * @throws AclFileException       if a new acl_file cannot be read or has a bad line; nothing changed
     * @throws AuthProviderException  never in practice: auth_provider changes need a restart
     */
    public synchronized void reconfigure(BrokerConfig next) {
        List<ReloadableSecurity.Prepared> prepared = new ArrayList<>();
        try {
            for (int i = 0; i < security.size(); i++) {
                ListenerSecurityConfig wanted = i == 0 ? next.security() : next.security(i - 1);
                prepared.add(wanted.equals(security.get(i).config()) ? null : security.get(i).prepare(wanted));
            }
        } catch (RuntimeException e) {
            prepared.stream().filter(Objects::nonNull).forEach(ReloadableSecurity.Prepared::discard);
            throw e;
        }
        for (int i = 0; i < security.size(); i++) {
            if (prepared.get(i) != null) {
                security.get(i).replace(prepared.get(i));
            } else {
                security.get(i).reload();
            }
        }
        server.reloadTls();
        httpApis.forEach(HttpApiListener::reload);
        broker.updateSettings(toBrokerSettings(next));
        server.maxRemainingLength(maxRemainingLength(next));
        sysTopics.interval(next.sysIntervalSeconds());
    }

    /** The transport: {@code reloadTls()} and {@code watchTlsFiles(...)} (tests call them directly). */
    public MqttServer transport() {
        return server;
    }

    /** The broker-wide acl_file loader: its {@code reload()} is what SIGHUP runs for the ACL (tests call it directly). */
    public AclFileLoader acl() {
        return security.get(0).acl();
    }

    @Override
    public void close() {
        sysTopics.close();
        bridges.close(); // before the clients go and the store closes: the bridges' sessions are written offline
        disconnectClients();
        server.close();
        broker.close();
        storage.close();
        security.forEach(ReloadableSecurity::close); // the auth_providers, after the last client is gone
    }

    /** MQTT 5 clients hear why the connection ends (0x8B) before the listeners close. */
    private void disconnectClients() {
        try {
            if (!broker.disconnectAll(DISCONNECT_WAIT_MILLIS)) {
                LOG.log(System.Logger.Level.WARNING, "Warning: some clients had not been disconnected within "
                        + DISCONNECT_WAIT_MILLIS + " ms; closing their connections.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
