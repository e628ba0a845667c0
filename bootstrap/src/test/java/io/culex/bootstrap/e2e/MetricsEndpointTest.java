package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.AdminHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics parsed as Prometheus parses it, its values checked against traffic made with Paho. */
class MetricsEndpointTest {

    @TempDir
    Path dir;

    @Test
    void theMetricsCountTheTrafficClientsMade() throws Exception {
        try (AdminHttp api = AdminHttp.start(dir, "max_queued_messages 2");
             PahoClients paho = new PahoClients(api.broker())) {
            PahoClients.Client subscriber = paho.connect("subscriber", PahoClients.MQTT_3_1_1, true);
            subscriber.subscribe("data/#", 1);
            PahoClients.Client offline = paho.connect("offline", PahoClients.MQTT_3_1_1, false);
            offline.subscribe("data/#", 1);
            offline.paho.disconnect();
            PahoClients.Client publisher = paho.connect("publisher", PahoClients.MQTT_3_1_1, true);
            for (int i = 0; i < 5; i++) {
                publisher.publish("data/" + i, "0123456789", 1, false); // 10 bytes each
            }
            publisher.publish("data/qos0", "x", 0, false);
            publisher.publish("data/kept", "retained!", 0, true);
            for (int i = 0; i < 7; i++) {
                subscriber.next();
            }
            // The offline persistent session queues 2 of the 5 QoS 1 messages and drops 3; its QoS 0 ones are dropped.
            RawAwait.untilEquals("messages dropped", 5,
                    () -> api.broker().broker().broker().metrics().messagesDropped(), Duration.ofSeconds(10));

            AdminHttp.Response response = api.get("/metrics", bearer());
            assertEquals(200, response.status());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    response.headers().firstValue("Content-Type").orElse(null));
            PrometheusScrape scrape = PrometheusScrape.parse(response.body());

            assertEquals(7, scrape.value("culex_publish_received_total"));
            assertEquals(7, scrape.value("culex_publish_sent_total"));
            assertEquals(5 * 10 + 1 + 9, scrape.value("culex_publish_received_payload_bytes_total"));
            assertEquals(3, scrape.value("culex_publish_dropped_total{reason=\"queue_full\"}"));
            assertEquals(2, scrape.value("culex_publish_dropped_total{reason=\"offline_qos0\"}"));
            assertEquals(0, scrape.value("culex_publish_dropped_total{reason=\"slow_consumer\"}"));
            assertEquals(2, scrape.value("culex_clients_connected"));
            assertEquals(1, scrape.value("culex_clients_disconnected"));
            assertEquals(3, scrape.value("culex_sessions"));
            assertEquals(2, scrape.value("culex_subscriptions"));
            assertEquals(3, scrape.value("culex_connects_received_total"));
            assertEquals(1, scrape.value("culex_retained_messages{backend=\"memory\"}"));
            assertEquals(9, scrape.value("culex_retained_payload_bytes{backend=\"memory\"}"));
            String listener = "{listener=\"127.0.0.1:" + api.mqttPort() + "\",protocol=\"mqtt\"}";
            assertEquals(2, scrape.value("culex_listener_clients_connected" + listener));
            assertEquals(3, scrape.value("culex_listener_connections_accepted_total" + listener));
            assertEquals(scrape.value("culex_received_bytes_total"),
                    scrape.value("culex_listener_received_bytes_total" + listener), "one MQTT listener: all bytes");
            assertTrue(scrape.value("culex_packets_received_total") >= 3 + 2 + 7 + 5);
            assertTrue(scrape.value("culex_jvm_heap_used_bytes") > 0);
            assertTrue(scrape.samples().keySet().stream().anyMatch(k -> k.startsWith("culex_jvm_gc_collections_total{gc=")));
            assertEquals("counter", scrape.type("culex_publish_dropped_total"));
            assertEquals("gauge", scrape.type("culex_clients_connected"));
            assertEquals("gauge", scrape.type("culex_bridge_connected"), "announced even without bridges");
            assertTrue(scrape.samples().keySet().stream().noneMatch(k -> k.startsWith("culex_bridge_")),
                    "but no bridge, no samples");
        }
    }

    @Test
    void eachBridgeIsLabelledWithItsNameAndItsStateIsAnEnumeration() throws Exception {
        FixedBridges bridges = FixedBridges.cloudAndBackup();
        try (AdminHttp api = AdminHttp.start(dir, bridges)) {
            PrometheusScrape scrape = PrometheusScrape.parse(api.get("/metrics", bearer()).body());
            String cloud = "{bridge=\"cloud\"}";
            String backup = "{bridge=\"backup\"}";
            assertEquals(1, scrape.value("culex_bridge_connected" + cloud));
            assertEquals(0, scrape.value("culex_bridge_connected" + backup));
            assertEquals(120, scrape.value("culex_bridge_messages_sent_total" + cloud));
            assertEquals(45, scrape.value("culex_bridge_messages_received_total" + cloud));
            assertEquals(3, scrape.value("culex_bridge_queued_messages" + cloud));
            assertEquals(17, scrape.value("culex_bridge_queued_messages" + backup));
            assertEquals(5, scrape.value("culex_bridge_dropped_messages_total" + backup));
            assertEquals(9, scrape.value("culex_bridge_connect_attempts_total" + backup));
            assertEquals(1, scrape.value("culex_bridge_connect_failures_total" + cloud));
            assertEquals("counter", scrape.type("culex_bridge_messages_sent_total"));
            assertEquals("gauge", scrape.type("culex_bridge_queued_messages"));
            assertEquals("gauge", scrape.type("culex_bridge_state"));
            for (String state : List.of("idle", "connecting", "connected", "waiting_to_retry", "stopped")) {
                assertEquals(state.equals("connected") ? 1 : 0,
                        scrape.value("culex_bridge_state{bridge=\"cloud\",state=\"" + state + "\"}"), state);
                assertEquals(state.equals("waiting_to_retry") ? 1 : 0,
                        scrape.value("culex_bridge_state{bridge=\"backup\",state=\"" + state + "\"}"), state);
            }

            // A bridge that connects shows it at the next scrape.
            bridges.set(FixedBridges.CLOUD, new BridgeStatus("backup", BridgeState.CONNECTED, "[fd00::7]:1883",
                    FixedBridges.CONNECTED_SINCE, 17, 0, 0, 5, 10, 9, null));
            PrometheusScrape next = PrometheusScrape.parse(api.get("/metrics", bearer()).body());
            assertEquals(1, next.value("culex_bridge_connected" + backup));
            assertEquals(0, next.value("culex_bridge_state{bridge=\"backup\",state=\"waiting_to_retry\"}"));
            assertEquals(17, next.value("culex_bridge_messages_sent_total" + backup));
        }
    }

    @Test
    void aBridgeNameNeedingEscapesStaysOneWellFormedLabel() throws Exception {
        FixedBridges bridges = new FixedBridges(new BridgeStatus("say \"hi\"\\now", BridgeState.IDLE, "h:1", 0,
                0, 0, 0, 0, 0, 0, null));
        try (AdminHttp api = AdminHttp.start(dir, bridges)) {
            PrometheusScrape scrape = PrometheusScrape.parse(api.get("/metrics", bearer()).body());
            assertEquals(0, scrape.value("culex_bridge_connected{bridge=\"say \\\"hi\\\"\\\\now\"}"));
        }
    }

    @Test
    void theDurableStoresWritesAreMeasured() throws Exception {
        try (AdminHttp api = AdminHttp.start(dir, "persistence true",
                "persistence_backend " + io.culex.bootstrap.spi.InProcessStorageProvider.NAME,
                "persistence_location metrics-" + System.nanoTime());
             PahoClients paho = new PahoClients(api.broker())) {
            PahoClients.Client offline = paho.connect("offline", PahoClients.MQTT_3_1_1, false);
            offline.subscribe("data/#", 1);
            offline.paho.disconnect();
            PahoClients.Client publisher = paho.connect("publisher", PahoClients.MQTT_3_1_1, true);
            for (int i = 0; i < 3; i++) {
                publisher.publish("data/" + i, "stored", 1, false); // acknowledged once stored
            }

            PrometheusScrape scrape = PrometheusScrape.parse(api.get("/metrics", bearer()).body());
            assertTrue(scrape.value("culex_store_batches_total") >= 1);
            assertTrue(scrape.value("culex_store_operations_total") >= 3, "the three queued messages at least");
            assertTrue(scrape.value("culex_store_apply_seconds_total") > 0);
            assertEquals(0, scrape.value("culex_store_failed_batches_total"));
            assertEquals("gauge", scrape.type("culex_store_queue_depth"));
        }
    }

    @Test
    void theParserRejectsWhatPrometheusWouldReject() {
        assertThrows(AssertionError.class, () -> PrometheusScrape.parse("culex_x 1\n"));
        assertThrows(AssertionError.class, () -> PrometheusScrape.parse("# HELP a_total h\n# TYPE a_total counter\na_total{x=\"1} 1\n"));
        assertThrows(AssertionError.class, () -> PrometheusScrape.parse("# HELP a h\n# TYPE a counter\na 1\n"));
        assertThrows(AssertionError.class, () -> PrometheusScrape.parse("# HELP a h\n# TYPE a gauge\na 1\na 2\n"));
        assertEquals(2.5, PrometheusScrape.parse("# HELP a h\n# TYPE a gauge\na{b=\"c\\\"d\"} 2.5\n")
                .value("a{b=\"c\\\"d\"}"));
    }
}
