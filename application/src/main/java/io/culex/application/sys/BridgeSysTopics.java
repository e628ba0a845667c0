package io.culex.application.sys;

import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.bridge.BridgeStateLabel;
import io.culex.application.bridge.BridgeStatus;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each bridge's values under {@code $SYS/broker/bridges/<name>/...}, published when they change like the other
 * counters. The topics of a bridge that is gone (removed by a reload) are cleared, so no stale state stays retained.
 * Not thread-safe: owned by one {@link SysTopicsPublisher}.
 */
final class BridgeSysTopics {

    static final String PREFIX = "$SYS/broker/bridges/";
    private static final List<String> SUFFIXES = List.of("state", "messages/sent", "messages/received",
            "messages/queued", "messages/dropped", "connects", "connect_failures");

    private final BridgeMonitor bridges;
    private final SysValues out;
    private Set<String> published = Set.of();

    BridgeSysTopics(BridgeMonitor bridges, SysValues out) {
        this.bridges = bridges;
        this.out = out;
    }

    void publish() {
        Set<String> current = new LinkedHashSet<>();
        for (BridgeStatus bridge : bridges.bridges()) {
            String level = topicLevel(bridge.name());
            current.add(level);
            String prefix = PREFIX + level + "/";
            out.publishIfChanged(prefix + "state", BridgeStateLabel.of(bridge.state()));
            out.publishIfChanged(prefix + "messages/sent", bridge.messagesSent());
            out.publishIfChanged(prefix + "messages/received", bridge.messagesReceived());
            out.publishIfChanged(prefix + "messages/queued", bridge.queued());
            out.publishIfChanged(prefix + "messages/dropped", bridge.dropped());
            out.publishIfChanged(prefix + "connects", bridge.connectAttempts());
            out.publishIfChanged(prefix + "connect_failures", bridge.connectFailures());
        }
        Set<String> gone = new HashSet<>(published);
        gone.removeAll(current);
        for (String level : gone) {
            SUFFIXES.forEach(suffix -> out.clear(PREFIX + level + "/" + suffix));
        }
        published = current;
    }

    /** One topic level per bridge: "/" would split it, "+" and "#" are not allowed in a topic name. */
    static String topicLevel(String bridgeName) {
        String level = bridgeName.replace('/', '_').replace('+', '_').replace('#', '_');
        return level.isEmpty() ? "_" : level;
    }
}
