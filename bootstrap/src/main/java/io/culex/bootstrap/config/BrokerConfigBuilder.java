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
    private boolean bridgeSectionStarted;

    /** Null until the file sets it: the default depends on whether any listener is configured. */
    private Boolean allowAnonymous;
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
    private final LoggingSettings logging = new LoggingSettings();
    private int sysIntervalSeconds = 10;
    private String pidFile;
    private String passwordFile;
    private String aclFile;
    private String authProvider;
    private String authProviderLocation;
    private final java.util.Map<String, String> authProviderOptions = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> authProviderOptionLocations = new java.util.HashMap<>();
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

    void startBridgeSection() {
        bridgeSectionStarted = true;
    }

    boolean bridgeSectionStarted() {
        return bridgeSectionStarted;
    }

    void allowAnonymous(boolean value) {
        allowAnonymous = value;
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

    void passwordFile(String path) {
        passwordFile = path;
    }

    void aclFile(String path) {
        aclFile = path;
    }

    /** One provider per broker: a second auth_provider line is an error, not a silent override. */
    void authProvider(ConfigLine line, String name) throws ConfigException {
        if (authProviderLocation != null) {
            throw line.error("duplicate value, already set at " + authProviderLocation);
        }
        authProvider = name;
        authProviderLocation = line.location();
    }

    void authProviderOption(ConfigLine line, String option, String value) throws ConfigException {
        String previous = authProviderOptionLocations.putIfAbsent(option, line.location());
        if (previous != null) {
            throw line.error("duplicate value, already set at " + previous);
        }
        authProviderOptions.put(option, value);
    }

    /** Mosquitto rejects a second clientid_prefixes ("Duplicate clientid_prefixes value"). */
    void clientIdPrefix(ConfigLine line, String prefix) throws ConfigException {
        if (clientIdPrefixLocation != null) {
            throw line.error("duplicate value, already set at " + clientIdPrefixLocation);
        }
        clientIdPrefix = prefix;
        clientIdPrefixLocation = line.location();
    }

    void useUsernameAsClientId(boolean value) {
        useUsernameAsClientId = value;
    }

    BrokerConfig build() {
        List<ListenerConfig> resolvedListeners = listeners.resolve();
        List<String> warnings = java.util.stream.Stream.concat(
                unsupportedKeys.stream().map(key -> UNSUPPORTED_PREFIX + key), listeners.warnings().stream()).toList();
        if (authProvider == null && !authProviderOptions.isEmpty()) {
            warnings = java.util.stream.Stream.concat(warnings.stream(), java.util.stream.Stream.of(
                    ConfigKeys.AUTH_PROVIDER_OPT_PREFIX + "* ignored without auth_provider: "
                            + authProviderOptions.keySet())).toList();
        }
        return new BrokerConfig(
                resolvedListeners,
                allowAnonymous != null ? allowAnonymous : listeners.localOnly(),
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
                passwordFile,
                aclFile,
                clientIdPrefix,
                useUsernameAsClientId,
                authProvider == null ? null
                        : new AuthProviderConfig(authProvider, authProviderOptions, authProviderLocation),
                warnings);
    }
}
