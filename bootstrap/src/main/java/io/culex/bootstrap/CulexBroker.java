package io.culex.bootstrap;

import io.culex.adapters.netty.MqttServer;
import io.culex.adapters.netty.TransportSettings;
import io.culex.application.Broker;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.memory.MemoryStorageProvider;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.ListenerConfig;
import io.culex.bootstrap.security.AclFileLoader;
import io.culex.bootstrap.security.Authentication;
import io.culex.domain.session.SessionLimits;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A running broker: storage, application core and listeners wired from one configuration. */
public final class CulexBroker implements AutoCloseable {

    /** Room for the fixed parts of a PUBLISH besides its payload: the longest topic and a packet id. */
    private static final int PUBLISH_HEADER_ALLOWANCE = 2 + 65_535 + 2;

    private final Storage storage;
    private final Broker broker;
    private final MqttServer server;
    private final List<InetSocketAddress> listeners;
    private final SysTopicsSchedule sysTopics;
    private final Authentication authentication;
    private final AclFileLoader acl;

    private CulexBroker(Storage storage, Broker broker, MqttServer server, List<InetSocketAddress> listeners,
                        SysTopicsSchedule sysTopics, Authentication authentication, AclFileLoader acl) {
        this.authentication = authentication;
        this.acl = acl;
        this.storage = storage;
        this.broker = broker;
        this.server = server;
        this.listeners = List.copyOf(listeners);
        this.sysTopics = sysTopics;
    }

    /** Opens storage and binds every configured listener; on failure, releases what was opened. */
    public static CulexBroker start(BrokerConfig config) {
        // First: an unreadable password_file stops the start-up before anything is opened.
        Authentication authentication = Authentication.configure(config, SystemClock.INSTANCE);
        AclFileLoader acl;
        try {
            // likewise a bad acl_file; an auth_provider's authoriser replaces it (the file is then not read)
            acl = AclFileLoader.configure(authentication.authorizer().isPresent() ? null : config.aclFile());
        } catch (RuntimeException e) {
            authentication.close();
            throw e;
        }
        Storage storage = StorageProviders.byName(MemoryStorageProvider.NAME).open(StorageSettings.inMemory());
        Broker broker = new Broker(toBrokerSettings(config), storage.retained(), authentication.authenticator(),
                authentication.authorizer().orElseGet(acl::authorizer));
        MqttServer server = new MqttServer(broker, TransportSettings.defaults(maxRemainingLength(config)));
        try {
            List<InetSocketAddress> bound = new ArrayList<>();
            for (ListenerConfig listener : config.listeners()) {
                bound.add(server.bind(ListenerSpecs.of(listener)));
            }
            return new CulexBroker(storage, broker, server, bound,
                    SysTopicsSchedule.start(broker, config.sysIntervalSeconds()), authentication, acl);
        } catch (RuntimeException e) {
            server.close();
            storage.close();
            authentication.close();
            throw e;
        }
    }

    static BrokerSettings toBrokerSettings(BrokerConfig config) {
        SessionLimits limits = new SessionLimits(config.maxInflightMessages(), config.maxQueuedMessages(),
                config.maxQueuedBytes(), config.queueQos0Messages());
        return new BrokerSettings(config.allowZeroLengthClientId(), config.autoIdPrefix(), config.maxKeepalive(),
                config.messageSizeLimit(), limits, config.clientIdPrefix(), config.useUsernameAsClientId());
    }

    /**
     * Packets are refused before buffering once they cannot fit any acceptable
     * PUBLISH; a PUBLISH under that bound but over message_size_limit is read and
     * dropped by the application, which completes its QoS flow as Mosquitto does.
     */
    private static int maxRemainingLength(BrokerConfig config) {
        long bound = (long) config.messageSizeLimit() + PUBLISH_HEADER_ALLOWANCE;
        return (int) Math.min(bound, BrokerSettings.MQTT_MAX_PAYLOAD);
    }

    /** The addresses actually bound, in configuration order (useful with port 0). */
    public List<InetSocketAddress> listeners() {
        return listeners;
    }

    public Broker broker() {
        return broker;
    }

    /** What SIGHUP reloads besides the log files (Mosquitto reloads its configuration): password, ACL and TLS files. */
    public void reload() {
        authentication.reload();
        acl.reload();
        server.reloadTls(); // TLS files too (mosquitto#2038); failures are logged, the old certificate stays
    }

    /** The transport: {@code reloadTls()} and {@code watchTlsFiles(...)} (tests call them directly). */
    public MqttServer transport() {
        return server;
    }

    /** The acl_file loader: its {@code reload()} is what SIGHUP runs for the ACL (tests call it directly). */
    public AclFileLoader acl() {
        return acl;
    }

    @Override
    public void close() {
        sysTopics.close();
        server.close();
        storage.close();
        authentication.close(); // the auth_provider, after the last client is gone
    }
}
