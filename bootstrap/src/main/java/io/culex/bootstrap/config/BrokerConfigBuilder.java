package io.culex.bootstrap.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what the configuration lines say, then applies Mosquitto 2.0's defaults in {@link #build()}.
 * Raw values are kept as written (0 = unlimited) and translated only when building.
 */
final class BrokerConfigBuilder {

    static final String UNSUPPORTED_PREFIX = "accepted but not yet supported: ";

    private final ListenerLayout listeners = new ListenerLayout();
    private final Set<String> unsupportedKeys = new LinkedHashSet<>();
    private final BridgeSections bridges = new BridgeSections();

    /** The broker-wide security options; with per_listener_settings true, each listener block has its own. */
    private final SecurityOptions security = new SecurityOptions();
    private boolean perListenerSettings;
    /** Where the first security option was set: per_listener_settings true must come before it, as Mosquitto. */
    private String firstSecurityOptionLocation;
    private int maxKeepalive = 65_535;
    private boolean allowZeroLengthClientId = true;
    private String autoIdPrefix = "auto-";
    private String autoIdPrefixLocation;
    private int maxInflightMessages = 20;
    private int maxQueuedMessages = 1000;
    private long maxQueuedBytes;
    private boolean queueQos0Messages;
    private int messageSizeLimit;
    private boolean retainAvailable = true;
    private int maxTopicAlias = ProtocolConfig.defaults().maxTopicAlias();
    private int maxPacketSize;
    private long persistentClientExpirationSeconds;
    private String serverReference;
    private boolean serverMoved;
    private PersistenceConfig persistence = PersistenceConfig.defaults();
    private final LoggingSettings logging = new LoggingSettings();
    private int sysIntervalSeconds = 10;
    private String pidFile;
    private String clientIdPrefix = "";
    private String clientIdPrefixLocation;
    private boolean useUsernameAsClientId;

    ListenerLayout listeners() {
        return listeners;
    }

    /** Records a key once, in the order first seen, for the "accepted but not yet supported" warnings. */
    void unsupported(String key) {
        unsupportedKeys.add(key);
    }

    BridgeSections bridges() {
        return bridges;
    }

    /**
     * per_listener_settings: Mosquitto refuses {@code true} after any security option ("per_listener_settings must
     * be set before any other security settings"), since those lines would already have gone to the broker-wide set.
     */
    void perListenerSettings(ConfigLine line, boolean value) throws ConfigException {
        if (value && firstSecurityOptionLocation != null) {
            throw line.error("must be set before any other security settings, but one was set at "
                    + firstSecurityOptionLocation);
        }
        perListenerSettings = value;
    }

    /** The options the security line {@code line} sets: the broker's, or with per_listener_settings true its block's. */
    SecurityOptions security(ConfigLine line) {
        if (firstSecurityOptionLocation == null) {
            firstSecurityOptionLocation = line.location();
        }
        return perListenerSettings ? listeners.currentSecurity() : security;
    }

    void maxKeepalive(int seconds) {
        maxKeepalive = seconds;
    }

    void allowZeroLengthClientId(boolean value) {
        allowZeroLengthClientId = value;
    }

    /** Mosquitto rejects a second auto_id_prefix rather than silently picking one. */
    void autoIdPrefix(ConfigLine line, String prefix) throws ConfigException {
        if (autoIdPrefixLocation != null) {
            throw line.error("duplicate value, already set at " + autoIdPrefixLocation);
        }
        autoIdPrefix = prefix;
        autoIdPrefixLocation = line.location();
    }

    void maxInflightMessages(int count) {
        maxInflightMessages = count;
    }

    void maxQueuedMessages(int count) {
        maxQueuedMessages = count;
    }

    void maxQueuedBytes(long bytes) {
        maxQueuedBytes = bytes;
    }

    void queueQos0Messages(boolean value) {
        queueQos0Messages = value;
    }

    void messageSizeLimit(int bytes) {
        messageSizeLimit = bytes;
    }

    void retainAvailable(boolean value) {
        retainAvailable = value;
    }

    LoggingSettings logging() {
        return logging;
    }

    void sysIntervalSeconds(int seconds) {
        sysIntervalSeconds = seconds;
    }

    void pidFile(String path) {
        pidFile = path;
    }

    /** Mosquitto rejects a second clientid_prefixes ("Duplicate clientid_prefixes value"). */
    void clientIdPrefix(ConfigLine line, String prefix) throws ConfigException {
        if (clientIdPrefixLocation != null) {
            throw line.error("duplicate value, already set at " + clientIdPrefixLocation);
        }
        clientIdPrefix = prefix;
        clientIdPrefixLocation = line.location();
    }

    void maxTopicAlias(int value) {
        maxTopicAlias = value;
    }

    void maxPacketSize(int value) {
        maxPacketSize = value;
    }

    void persistentClientExpirationSeconds(long seconds) {
        persistentClientExpirationSeconds = seconds;
    }

    void serverReference(String reference, boolean moved) {
        serverReference = reference;
        serverMoved = moved;
    }

    void persistence(boolean enabled) {
        persistence = new PersistenceConfig(enabled, persistence.location(), persistence.file(), persistence.backend());
    }

    void persistenceLocation(String location) {
        persistence = new PersistenceConfig(persistence.enabled(), location, persistence.file(), persistence.backend());
    }

    void persistenceFile(String file) {
        persistence = new PersistenceConfig(persistence.enabled(), persistence.location(), file, persistence.backend());
    }

    void persistenceBackend(String backend) {
        persistence = new PersistenceConfig(persistence.enabled(), persistence.location(), persistence.file(), backend);
    }

    void useUsernameAsClientId(boolean value) {
        useUsernameAsClientId = value;
    }

    BrokerConfig build() {
        List<ListenerConfig> resolvedListeners = listeners.resolve();
        List<String> warnings = new java.util.ArrayList<>(java.util.stream.Stream.concat(
                unsupportedKeys.stream().map(key -> UNSUPPORTED_PREFIX + key), listeners.warnings().stream()).toList());
        warnings.addAll(bridges.warnings());
        ListenerSecurityConfig global = security.build(listeners.localOnly(), "", warnings);
        List<ListenerSecurityConfig> perListener = perListenerSettings
                ? listeners.security(warnings) : List.of();
        return new BrokerConfig(
                resolvedListeners,
                global.allowAnonymous(),
                maxKeepalive,
                allowZeroLengthClientId,
                autoIdPrefix,
                maxInflightMessages == 0 ? BrokerConfig.UNLIMITED_INFLIGHT_MESSAGES : maxInflightMessages,
                maxQueuedMessages == 0 ? Integer.MAX_VALUE : maxQueuedMessages,
                maxQueuedBytes == 0 ? Long.MAX_VALUE : maxQueuedBytes,
                queueQos0Messages,
                messageSizeLimit == 0 ? BrokerConfig.MQTT_MAX_PACKET_SIZE : messageSizeLimit,
                retainAvailable,
                logging.build(),
                sysIntervalSeconds,
                pidFile,
                global.passwordFile(),
                global.aclFile(),
                clientIdPrefix,
                useUsernameAsClientId,
                global.authProvider(),
                perListenerSettings,
                perListener,
                new ProtocolConfig(maxTopicAlias, maxPacketSize, persistentClientExpirationSeconds, serverReference,
                        serverMoved),
                persistence,
                bridges.settings(),
                warnings);
    }
}
