package io.culex.application.bridge;

import io.culex.domain.message.QoS;
import java.util.Objects;

/**
 * One {@code topic <pattern> [in|out|both [qos [local-prefix remote-prefix]]]} line of a bridge.
 * The local filter is {@code localPrefix + pattern}, the remote one {@code remotePrefix + pattern};
 * a message keeps the part after the prefix when it crosses.
 *
 * @param pattern      the topic filter; "" when the prefixes alone name the topic (Mosquitto's {@code ""} placeholder)
 * @param localPrefix  "" for none
 * @param remotePrefix "" for none
 */
public record BridgeTopic(String pattern, BridgeDirection direction, QoS qos, String localPrefix, String remotePrefix) {

    public BridgeTopic {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(localPrefix, "localPrefix");
        Objects.requireNonNull(remotePrefix, "remotePrefix");
    }

    public String localFilter() {
        return localPrefix + pattern;
    }

    public String remoteFilter() {
        return remotePrefix + pattern;
    }
}
