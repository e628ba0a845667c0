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

    BrokerConfig build() {
        List<ListenerConfig> resolvedListeners = listeners.resolve();
        List<String> warnings = java.util.stream.Stream.concat(
                unsupportedKeys.stream().map(key -> UNSUPPORTED_PREFIX + key), listeners.warnings().stream()).toList();
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
                warnings);
    }
}
