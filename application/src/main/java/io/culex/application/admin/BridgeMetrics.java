package io.culex.application.admin;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStateLabel;
import io.culex.application.bridge.BridgeStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The bridges as metric families, one sample per bridge labelled {@code bridge="<name>"}. The state follows the
 * Prometheus convention for an enumeration: one series per possible state, 1 for the current one, 0 for the others,
 * so a query never depends on which states a bridge has been in. Every family is written even with no bridge.
 */
final class BridgeMetrics {

    private BridgeMetrics() {
    }

    static List<MetricFamily> of(List<BridgeStatus> bridges) {
        List<MetricFamily> families = new ArrayList<>();
        families.add(perBridge(bridges, "culex_bridge_connected", "1 if the bridge is connected to its remote, else 0.",
                MetricFamily.Type.GAUGE, bridge -> bridge.state() == BridgeState.CONNECTED ? 1 : 0));
        families.add(states(bridges));
        families.add(perBridge(bridges, "culex_bridge_messages_sent_total",
                "PUBLISH messages the bridge sent to its remote.", MetricFamily.Type.COUNTER,
                BridgeStatus::messagesSent));
        families.add(perBridge(bridges, "culex_bridge_messages_received_total",
                "PUBLISH messages the bridge received from its remote.", MetricFamily.Type.COUNTER,
                BridgeStatus::messagesReceived));
        families.add(perBridge(bridges, "culex_bridge_queued_messages",
                "Messages waiting to be sent to the remote now.", MetricFamily.Type.GAUGE, BridgeStatus::queued));
        families.add(perBridge(bridges, "culex_bridge_dropped_messages_total",
                "Messages for the remote dropped by the queue limits.", MetricFamily.Type.COUNTER,
                BridgeStatus::dropped));
        families.add(perBridge(bridges, "culex_bridge_connect_attempts_total",
                "Connections to the remote tried.", MetricFamily.Type.COUNTER, BridgeStatus::connectAttempts));
        families.add(perBridge(bridges, "culex_bridge_connect_failures_total",
                "Connections to the remote that failed or were refused.", MetricFamily.Type.COUNTER,
                BridgeStatus::connectFailures));
        return families;
    }

    private static MetricFamily perBridge(List<BridgeStatus> bridges, String name, String help,
                                          MetricFamily.Type type, ToLongFunction<BridgeStatus> value) {
        List<MetricFamily.Sample> samples = new ArrayList<>();
        for (BridgeStatus bridge : bridges) {
            samples.add(new MetricFamily.Sample(Map.of("bridge", bridge.name()), value.applyAsLong(bridge)));
        }
        return new MetricFamily(name, help, type, samples);
    }

    private static MetricFamily states(List<BridgeStatus> bridges) {
        List<MetricFamily.Sample> samples = new ArrayList<>();
        for (BridgeStatus bridge : bridges) {
            for (BridgeState state : BridgeState.values()) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("bridge", bridge.name());
                labels.put("state", BridgeStateLabel.of(state));
                samples.add(new MetricFamily.Sample(labels, bridge.state() == state ? 1 : 0));
            }
        }
        return new MetricFamily("culex_bridge_state",
                "1 for the state the bridge is in, 0 for the others (idle, connecting, connected, waiting_to_retry, "
                        + "stopped).", MetricFamily.Type.GAUGE, samples);
    }
}
