package io.culex.bootstrap.config;

import io.culex.application.bridge.BridgeSettings;
import java.util.List;
import java.util.Objects;

/**
 * The broker settings read from a mosquitto.conf file, with Mosquitto 2.0's defaults applied.
 * "Unlimited" values are already turned into the concrete limits the broker enforces.
 *
 * @param listeners               never empty
 * @param allowAnonymous          Mosquitto 2.0: true only in local only mode unless the file says otherwise
 * @param maxKeepalive            seconds, default 65535
 * @param allowZeroLengthClientId default true
 * @param autoIdPrefix            default "auto-"
 * @param maxInflightMessages     default 20; 0 (unlimited) in the file becomes 65535
 * @param maxQueuedMessages       default 1000; 0 (unlimited) in the file becomes {@link Integer#MAX_VALUE}
 * @param maxQueuedBytes          default unlimited, {@link Long#MAX_VALUE}
 * @param queueQos0Messages       default false
 * @param messageSizeLimit        bytes; default 0 (no limit) becomes 268435455, the MQTT maximum
 * @param retainAvailable         default true
 * @param logging                 log_dest, log_type, connection_messages, log_timestamp, log_timestamp_format
 * @param sysIntervalSeconds      sys_interval: seconds between $SYS updates, default 10; 0 disables them
 * @param pidFile                 pid_file, or null
 * @param passwordFile            password_file (mosquitto_passwd format), or null
 * @param aclFile                 acl_file, or null
 * @param clientIdPrefix          clientid_prefixes: the one prefix (Mosquitto 2.0 reads no list) client ids need,
 *                                "" for none
 * @param useUsernameAsClientId   use_username_as_clientid; per listener in Mosquitto, global here
 * @param authProvider            auth_provider and its auth_provider_opt_* options (Culex's own keys), or null
 * @param perListenerSettings     per_listener_settings: when true, {@code listenerSecurity} holds each listener's
 *                                security options and the broker-wide ones above are not used for any listener
 * @param listenerSecurity        with per_listener_settings true, the security options of each of {@code listeners},
 *                                in the same order; empty otherwise
 * @param protocol                max_topic_alias, max_packet_size, persistent_client_expiration, server_reference
 * @param persistence             persistence, persistence_location, persistence_file, persistence_backend
 * @param bridges                 the {@code connection} sections, in file order
 * @param warnings                "accepted but not yet supported: key" lines, one per key, in file order, then
 *                                other start-up warnings (listeners, insecure bridges)
 */
public record BrokerConfig(
        List<ListenerConfig> listeners,
        boolean allowAnonymous,
        int maxKeepalive,
        boolean allowZeroLengthClientId,
        String autoIdPrefix,
        int maxInflightMessages,
        int maxQueuedMessages,
        long maxQueuedBytes,
        boolean queueQos0Messages,
        int messageSizeLimit,
        boolean retainAvailable,
        LoggingConfig logging,
        int sysIntervalSeconds,
        String pidFile,
        String passwordFile,
        String aclFile,
        String clientIdPrefix,
        boolean useUsernameAsClientId,
        AuthProviderConfig authProvider,
        boolean perListenerSettings,
        List<ListenerSecurityConfig> listenerSecurity,
        ProtocolConfig protocol,
        PersistenceConfig persistence,
        List<BridgeSettings> bridges,
        List<String> warnings) {

    public static final int DEFAULT_PORT = 1883;
    /** Where Mosquitto 2.0 listens when the configuration defines no listener ("local only mode"). */
    public static final String LOCAL_ONLY_ADDRESS = "127.0.0.1";
    /** Largest packet MQTT can express (remaining length of 4 bytes). */
    public static final int MQTT_MAX_PACKET_SIZE = 268_435_455;
    /** Mosquitto's value for "unlimited" in-flight messages: the largest MQTT receive maximum. */
    public static final int UNLIMITED_INFLIGHT_MESSAGES = 65_535;

    static final List<ListenerConfig> LOCAL_ONLY_LISTENERS =
            List.of(new ListenerConfig(DEFAULT_PORT, LOCAL_ONLY_ADDRESS));

    public BrokerConfig {
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("a broker needs at least one listener");
        }
        Objects.requireNonNull(autoIdPrefix, "autoIdPrefix");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
        Objects.requireNonNull(protocol, "protocol");
        warnings = List.copyOf(warnings);
        bridges = List.copyOf(bridges);
        listenerSecurity = List.copyOf(listenerSecurity);
        if (perListenerSettings && listenerSecurity.size() != listeners.size()) {
            throw new IllegalArgumentException("per_listener_settings needs security options for each listener");
        }
    }

    /** The broker-wide security options (those every listener uses with per_listener_settings false). */
    public ListenerSecurityConfig security() {
        return new ListenerSecurityConfig(allowAnonymous, passwordFile, aclFile, authProvider);
    }

    /** The security options the listener at {@code index} of {@link #listeners()} runs with. */
    public ListenerSecurityConfig security(int index) {
        return perListenerSettings ? listenerSecurity.get(index) : security();
    }

    /** What the broker runs with when no configuration file is given: Mosquitto 2.0's local only mode. */
    public static BrokerConfig defaults() {
        return new BrokerConfigBuilder().build();
    }

    /**
     * The same settings on other listeners (command-line {@code -p}); with per_listener_settings true, they take the
     * security options of the last listener, which is the default listener when the file configures one.
     */
    BrokerConfig withListeners(List<ListenerConfig> replacement) {
        List<ListenerSecurityConfig> security = perListenerSettings
                ? java.util.Collections.nCopies(replacement.size(), listenerSecurity.get(listenerSecurity.size() - 1))
                : List.of();
        return new BrokerConfig(replacement, allowAnonymous, maxKeepalive, allowZeroLengthClientId, autoIdPrefix,
                maxInflightMessages, maxQueuedMessages, maxQueuedBytes, queueQos0Messages, messageSizeLimit,
                retainAvailable, logging, sysIntervalSeconds, pidFile, passwordFile, aclFile, clientIdPrefix,
                useUsernameAsClientId, authProvider, perListenerSettings, security, protocol, persistence, bridges, warnings);
    }
}
