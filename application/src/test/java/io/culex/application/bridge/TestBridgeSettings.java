package io.culex.application.bridge;

import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.QoS;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link BridgeSettings} with Mosquitto's defaults, changed where a test says. */
final class TestBridgeSettings {

    String name = "b1";
    List<RemoteAddress> addresses = new ArrayList<>(List.of(new RemoteAddress("remote-a", 1883)));
    boolean roundRobin;
    final List<BridgeTopic> topics = new ArrayList<>();
    boolean cleanSession;
    boolean localCleanSession;
    boolean notifications;
    boolean notificationsLocalOnly;
    BridgeStartType startType = BridgeStartType.AUTOMATIC;
    RestartTimeout restartTimeout = new RestartTimeout(10, 0);
    int idleTimeoutSeconds = 60;
    int threshold = 10;
    boolean tryPrivate = true;
    ProtocolVersion version = ProtocolVersion.MQTT_3_1_1;
    boolean attemptUnsubscribe = true;
    boolean outgoingRetain = true;
    int maxQueuedMessages;
    long maxQueuedBytes;

    TestBridgeSettings topic(String pattern, BridgeDirection direction, QoS qos, String localPrefix,
                             String remotePrefix) {
        topics.add(new BridgeTopic(pattern, direction, qos, localPrefix, remotePrefix));
        return this;
    }

    TestBridgeSettings addresses(RemoteAddress... all) {
        addresses = List.of(all);
        return this;
    }

    BridgeSettings build() {
        String remoteClientId = "host." + name;
        return new BridgeSettings(name, addresses, roundRobin, topics, cleanSession, localCleanSession,
                remoteClientId, "local." + remoteClientId, null, null, notifications, notificationsLocalOnly,
                "$SYS/broker/connection/" + remoteClientId + "/state", 60, startType, restartTimeout,
                idleTimeoutSeconds, threshold, tryPrivate, version, attemptUnsubscribe, outgoingRetain, 0, null,
                maxQueuedMessages, maxQueuedBytes);
    }
}
