package io.culex.application.bridge;

import io.culex.application.protocol.ProtocolVersion;
import java.util.List;
import java.util.Objects;

/**
 * One {@code connection <name>} section of the configuration, with Mosquitto 2.0's defaults applied.
 *
 * @param addresses          in the order written; at least one
 * @param roundRobin         false: prefer the first address and return to it when it is back
 * @param cleanSession       {@code cleansession}: the session on the remote broker
 * @param localCleanSession  {@code local_cleansession} (defaults to {@code cleansession}): the bridge's local session
 * @param remoteClientId     {@code remote_clientid}/{@code clientid}; default {@code <hostname>.<name>}
 * @param localClientId      {@code local_clientid}; default {@code local.<remoteClientId>}
 * @param remoteUsername     null if unset
 * @param remotePassword     null if unset; never logged
 * @param notificationTopic  default {@code $SYS/broker/connection/<remoteClientId>/state}
 * @param idleTimeoutSeconds lazy bridges disconnect after this long without traffic
 * @param threshold          lazy bridges connect once this many messages wait
 * @param maxPacketSize      {@code bridge_max_packet_size}; 0 for no limit
 * @param tls                null for plain TCP
 * @param maxQueuedMessages  Culex's {@code bridge_max_queued_messages}: messages kept for the remote while it is
 *                           unreachable; 0 for no limit
 * @param maxQueuedBytes     Culex's {@code bridge_max_queued_bytes}; 0 for no limit
 */
public record BridgeSettings(
        String name,
        List<RemoteAddress> addresses,
        boolean roundRobin,
        List<BridgeTopic> topics,
        boolean cleanSession,
        boolean localCleanSession,
        String remoteClientId,
        String localClientId,
        String remoteUsername,
        String remotePassword,
        boolean notifications,
        boolean notificationsLocalOnly,
        String notificationTopic,
        int keepAliveSeconds,
        BridgeStartType startType,
        RestartTimeout restartTimeout,
        int idleTimeoutSeconds,
        int threshold,
        boolean tryPrivate,
        ProtocolVersion protocolVersion,
        boolean attemptUnsubscribe,
        boolean outgoingRetain,
        long maxPacketSize,
        BridgeTls tls,
        int maxQueuedMessages,
        long maxQueuedBytes) {

    public BridgeSettings {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("bridge " + name + " has no address");
        }
        topics = List.copyOf(topics);
        Objects.requireNonNull(remoteClientId, "remoteClientId");
        Objects.requireNonNull(localClientId, "localClientId");
        Objects.requireNonNull(notificationTopic, "notificationTopic");
        Objects.requireNonNull(startType, "startType");
        Objects.requireNonNull(restartTimeout, "restartTimeout");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
    }

    @Override
    public String toString() {
        return "BridgeSettings[name=" + name + ", addresses=" + addresses + ", topics=" + topics.size()
                + ", remoteClientId=" + remoteClientId + ", protocol=" + protocolVersion + "]";
    }
}
