package io.culex.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridges' metric families: every family always, one sample per bridge, the state as an enumeration. */
class BridgeMetricsTest {

    private static Map<String, MetricFamily> byName(List<MetricFamily> families) {
        Map<String, MetricFamily> byName = new LinkedHashMap<>();
        families.forEach(family -> byName.put(family.name(), family));
        return byName;
    }

    @Test
    void withoutBridgesEveryFamilyIsThereWithoutSamples() {
        Map<String, MetricFamily> families = byName(BridgeMetrics.of(List.of()));
        assertEquals(List.of("culex_bridge_connected", "culex_bridge_state", "culex_bridge_messages_sent_total",
                "culex_bridge_messages_received_total", "culex_bridge_queued_messages",
                "culex_bridge_dropped_messages_total", "culex_bridge_connect_attempts_total",
                "culex_bridge_connect_failures_total"), List.copyOf(families.keySet()));
        families.values().forEach(family -> assertEquals(List.of(), family.samples(), family.name()));
    }

    @Test
    void eachBridgeIsOneLabelledSampleAndItsStateOneOfFive() {
        List<BridgeStatus> bridges = List.of(
                new BridgeStatus("cloud", BridgeState.CONNECTED, "a:1883", 1, 10, 20, 3, 4, 5, 6, null),
                new BridgeStatus("backup", BridgeState.WAITING_TO_RETRY, "b:1883", 0, 0, 0, 7, 0, 9, 9, "refused"));
        Map<String, MetricFamily> families = byName(BridgeMetrics.of(bridges));

        assertEquals(List.of(sample("cloud", 1), sample("backup", 0)), families.get("culex_bridge_connected").samples());
        assertEquals(List.of(sample("cloud", 10), sample("backup", 0)),
                families.get("culex_bridge_messages_sent_total").samples());
        assertEquals(List.of(sample("cloud", 3), sample("backup", 7)),
                families.get("culex_bridge_queued_messages").samples());
        assertEquals(MetricFamily.Type.COUNTER, families.get("culex_bridge_connect_failures_total").type());
        assertEquals(MetricFamily.Type.GAUGE, families.get("culex_bridge_queued_messages").type());

        List<MetricFamily.Sample> states = families.get("culex_bridge_state").samples();
        assertEquals(10, states.size(), "five states for each of two bridges");
        assertEquals(List.of("connected"), statesAtOne(states, "cloud"));
        assertEquals(List.of("waiting_to_retry"), statesAtOne(states, "backup"));
        assertEquals(List.of("bridge", "state"), List.copyOf(states.get(0).labels().keySet()), "label order");
    }

    private static MetricFamily.Sample sample(String bridge, double value) {
        return new MetricFamily.Sample(Map.of("bridge", bridge), value);
    }

    private static List<String> statesAtOne(List<MetricFamily.Sample> states, String bridge) {
        return states.stream().filter(s -> s.labels().get("bridge").equals(bridge) && s.value() == 1)
                .map(s -> s.labels().get("state")).toList();
    }
}
