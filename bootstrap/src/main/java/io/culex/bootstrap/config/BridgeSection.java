package io.culex.bootstrap.config;

import io.culex.application.bridge.BridgeSettings;
import io.culex.application.bridge.BridgeStartType;
import io.culex.application.bridge.BridgeTls;
import io.culex.application.bridge.BridgeTopic;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RestartTimeout;
import io.culex.application.protocol.ProtocolVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the lines of one {@code connection <name>} section say, turned into {@link BridgeSettings} with
 * Mosquitto 2.0's defaults once the whole file is read (a default such as {@code local_cleansession} depends
 * on lines that may come later).
 */
final class BridgeSection {

    /** Culex's default {@code bridge_max_queued_messages}: bounds memory while the remote is unreachable. */
    static final int DEFAULT_MAX_QUEUED_MESSAGES = 100_000;

    private final String name;
    private final ConfigLine connectionLine;
    /** Where each single-valued string option was set, for "duplicate value" errors and later checks. */
    private final Map<String, ConfigLine> setAt = new HashMap<>();

    private List<RemoteAddress> addresses = List.of();
    private boolean roundRobin;
    private final List<BridgeTopic> topics = new ArrayList<>();
    private boolean cleanSession;
    private Boolean localCleanSession;
    private String remoteClientId;
    private String localClientId;
    private String remoteUsername;
    private String remotePassword;
    private boolean notifications = true;
    private boolean notificationsLocalOnly;
    private String notificationTopic;
    private int keepAliveSeconds = 60;
    private BridgeStartType startType = BridgeStartType.AUTOMATIC;
    private RestartTimeout restartTimeout = RestartTimeout.DEFAULT;
    private int idleTimeoutSeconds = 60;
    private int threshold = 10;
    private boolean tryPrivate = true;
    private ProtocolVersion protocolVersion = ProtocolVersion.MQTT_3_1_1;
    private boolean attemptUnsubscribe = true;
    private boolean outgoingRetain = true;
    private long maxPacketSize;
    private String caFile;
    private String caPath;
    private String certFile;
    private String keyFile;
    private boolean insecure;
    private String tlsVersion;
    private String alpn;
    private int maxQueuedMessages = DEFAULT_MAX_QUEUED_MESSAGES;
    private long maxQueuedBytes;

    BridgeSection(String name, ConfigLine connectionLine) {
        this.name = name;
        this.connectionLine = connectionLine;
    }

    String name() {
        return name;
    }

    ConfigLine connectionLine() {
        return connectionLine;
    }

    /**
     * Records that {@code line} sets the single-valued option {@code option} (aliases share one name); as
     * Mosquitto ("Duplicate ... value in configuration"), a second line for it is an error.
     */
    void once(String option, ConfigLine line) throws ConfigException {
        ConfigLine previous = setAt.putIfAbsent(option, line);
        if (previous != null) {
            throw line.error("duplicate value in bridge '" + name + "', already set at " + previous.location());
        }
    }

    /** Records where a repeatable option was last set, for checks made at the end of the section. */
    void remember(String option, ConfigLine line) {
        setAt.put(option, line);
    }

    /** Where {@code option} was set, or null. */
    ConfigLine lineOf(String option) {
        return setAt.get(option);
    }

    void addresses(List<RemoteAddress> value) {
        addresses = List.copyOf(value);
    }

    boolean hasAddress() {
        return !addresses.isEmpty();
    }

    void roundRobin(boolean value) {
        roundRobin = value;
    }

    /** As Mosquitto 2.0, a topic line identical to an earlier one is skipped. */
    void topic(BridgeTopic topic) {
        if (!topics.contains(topic)) {
            topics.add(topic);
        }
    }

    void cleanSession(boolean value) {
        cleanSession = value;
    }

    void localCleanSession(boolean value) {
        localCleanSession = value;
    }

    void remoteClientId(String value) {
        remoteClientId = value;
    }

    void localClientId(String value) {
        localClientId = value;
    }

    void remoteUsername(String value) {
        remoteUsername = value;
    }

    void remotePassword(String value) {
        remotePassword = value;
    }

    boolean hasRemoteUsername() {
        return remoteUsername != null;
    }

    boolean hasRemotePassword() {
        return remotePassword != null;
    }

    void notifications(boolean value) {
        notifications = value;
    }

    void notificationsLocalOnly(boolean value) {
        notificationsLocalOnly = value;
    }

    void notificationTopic(String value) {
        notificationTopic = value;
    }

    void keepAliveSeconds(int value) {
        keepAliveSeconds = value;
    }

    void startType(BridgeStartType value) {
        startType = value;
    }

    void restartTimeout(RestartTimeout value) {
        restartTimeout = value;
    }

    void idleTimeoutSeconds(int value) {
        idleTimeoutSeconds = value;
    }

    void threshold(int value) {
        threshold = value;
    }

    void tryPrivate(boolean value) {
        tryPrivate = value;
    }

    void protocolVersion(ProtocolVersion value) {
        protocolVersion = value;
    }

    void attemptUnsubscribe(boolean value) {
        attemptUnsubscribe = value;
    }

    void outgoingRetain(boolean value) {
        outgoingRetain = value;
    }

    void maxPacketSize(long value) {
        maxPacketSize = value;
    }

    void caFile(String value) {
        caFile = value;
    }

    void caPath(String value) {
        caPath = value;
    }

    void certFile(String value) {
        certFile = value;
    }

    void keyFile(String value) {
        keyFile = value;
    }

    void insecure(boolean value) {
        insecure = value;
    }

    void tlsVersion(String value) {
        tlsVersion = value;
    }

    void alpn(String value) {
        alpn = value;
    }

    boolean hasCertificateAuthority() {
        return caFile != null || caPath != null;
    }

    boolean hasCertFile() {
        return certFile != null;
    }

    boolean hasKeyFile() {
        return keyFile != null;
    }

    void maxQueuedMessages(int value) {
        maxQueuedMessages = value;
    }

    void maxQueuedBytes(long value) {
        maxQueuedBytes = value;
    }

    /** The remote client id this bridge connects with; {@code hostName} gives Mosquitto's default. */
    private String effectiveRemoteClientId(Supplier<String> hostName) {
        return remoteClientId != null ? remoteClientId : hostName.get() + "." + name;
    }

    private String effectiveLocalClientId(Supplier<String> hostName) {
        return localClientId != null ? localClientId : "local." + effectiveRemoteClientId(hostName);
    }

    /** @param hostName asked only when a client id must be derived from it */
    BridgeSettings build(Supplier<String> hostName) {
        String remoteId = effectiveRemoteClientId(hostName);
        BridgeTls tls = hasCertificateAuthority()
                ? new BridgeTls(caFile, caPath, certFile, keyFile, insecure, tlsVersion, alpn) : null;
        return new BridgeSettings(name, addresses, roundRobin, topics, cleanSession,
                localCleanSession != null ? localCleanSession : cleanSession, remoteId,
                effectiveLocalClientId(hostName), remoteUsername, remotePassword, notifications,
                notificationsLocalOnly,
                notificationTopic != null ? notificationTopic : "$SYS/broker/connection/" + remoteId + "/state",
                keepAliveSeconds, startType, restartTimeout, idleTimeoutSeconds, threshold, tryPrivate,
                protocolVersion, attemptUnsubscribe, outgoingRetain, maxPacketSize, tls, maxQueuedMessages,
                maxQueuedBytes);
    }
}
