package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.AdminHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.bridge.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real bridge between two Culex brokers as the views show it: /api/v1/bridges and /metrics report it connected,
 * with the messages it carried each way counted.
 */
@Timeout(60)
class BridgeViewsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aConnectedBridgeAndItsTrafficShowInTheAdminApiAndMetrics() throws Exception {
        try (RunningBroker remote = RunningBroker.start();
             AdminHttp local = AdminHttp.start(dir,
                     "connection cloud",
                     "address 127.0.0.1:" + remote.port(),
                     "restart_timeout 1",
                     "notifications false",
                     "topic out/# out 1",
                     "topic in/# in 1");
             PahoClients localClients = new PahoClients(local.broker());
             PahoClients remoteClients = new PahoClients(remote)) {
            Await.until(() -> "connected".equals(bridge(local).get("state")), WAIT, () -> bridge(local).toString());
            Client localSide = localClients.connect("local-side", PahoClients.MQTT_3_1_1, true);
            Client remoteSide = remoteClients.connect("remote-side", PahoClients.MQTT_3_1_1, true);
            localSide.subscribe("in/#", 1);
            remoteSide.subscribe("out/#", 1);
            for (int i = 0; i < 3; i++) {
                localSide.publish("out/" + i, "o" + i, 1, false);
                assertEquals("out/" + i, remoteSide.next().topic());
            }
            for (int i = 0; i < 2; i++) {
                remoteSide.publish("in/" + i, "i" + i, 1, false);
                assertEquals("in/" + i, localSide.next().topic());
            }

            Map<String, Object> cloud = bridge(local);
            assertEquals("cloud", cloud.get("name"));
            assertEquals("127.0.0.1:" + remote.port(), cloud.get("address"));
            assertEquals("connected", cloud.get("state"));
            assertEquals(3L, cloud.get("messagesSent"));
            assertEquals(2L, cloud.get("messagesReceived"));
            assertEquals(0L, cloud.get("queued"));
            assertEquals(cloud, local.get("/api/v1/bridges/cloud", bearer()).json());

            PrometheusScrape scrape = PrometheusScrape.parse(local.get("/metrics", bearer()).body());
            assertEquals(1, scrape.value("culex_bridge_connected{bridge=\"cloud\"}"));
            assertEquals(1, scrape.value("culex_bridge_state{bridge=\"cloud\",state=\"connected\"}"));
            assertEquals(3, scrape.value("culex_bridge_messages_sent_total{bridge=\"cloud\"}"));
            assertEquals(2, scrape.value("culex_bridge_messages_received_total{bridge=\"cloud\"}"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bridge(AdminHttp api) throws Exception {
        List<Map<String, Object>> bridges = (List<Map<String, Object>>) api.get("/api/v1/bridges", bearer()).json()
                .get("bridges");
        assertEquals(1, bridges.size(), bridges.toString());
        return bridges.get(0);
    }
}
